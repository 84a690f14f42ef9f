import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIENCES, CONDITIONS, FORMATS, MODELS, storedGroupSchema, type Group } from 'peer-directory/schema';
import { createGeocoder } from '../../server/src/geocode/index.js';
import { sampleGroups } from '../../server/src/sample/sample-groups.js';
import { describeSchedule, meetingsOf } from 'peer-directory/schedule';
import { catalogue } from '../../server/src/messages/index.js';
import { milesBetween as miles } from '../support/distance.js';

const NOW = new Date('2026-11-20T10:00:00Z');
const groups = sampleGroups(NOW);

/** Wall-clock time in a zone, `YYYY-MM-DDTHH:mm`, worked out here independently of the code under test. */
function wallClock(instant: Date, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Every string anywhere in a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** The words people read about a group (not its ids, codes or dates). */
function prose(g: Group): string[] {
  return strings([
    g.name,
    g.summary,
    g.organisation?.name,
    g.answers,
    g.schedule.note,
    g.location?.venue,
    g.location?.address,
    g.serviceArea,
  ]);
}

describe('the sample directory', () => {
  it('has at least 150 groups, every one valid as the API publishes groups', () => {
    assert.ok(groups.length >= 150, `${groups.length} groups`);
    for (const g of groups) {
      const parsed = storedGroupSchema.safeParse(g);
      assert.ok(parsed.success, `${g.id}: ${parsed.error?.message}`);
    }
  });

  it('gives every group its own readable id, the same whatever the date', () => {
    const ids = groups.map((g) => g.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^grp-[a-z0-9-]+$/);
    assert.ok(ids.includes('grp-cardiff-t1-parents'));
    assert.deepEqual(
      sampleGroups(new Date('2027-05-01T08:00:00Z')).map((g) => g.id),
      ids,
    );
  });

  it('is the same every time for the same moment, and only schedules and update times move with the date', () => {
    assert.deepEqual(sampleGroups(NOW), groups);
    const later = sampleGroups(new Date('2027-02-14T18:30:00Z'));
    // A rule's first meeting is its next one on the day the sample is made; the rule itself stays.
    const steady = (g: Group) => ({
      ...g,
      schedule: { ...g.schedule, rules: g.schedule.rules.map((r) => ({ ...r, start: r.start.slice(10), until: undefined })) },
      updatedAt: '',
    });
    assert.deepEqual(later.map(steady), groups.map(steady));
  });

  it('covers every model, format, condition and audience', () => {
    for (const { code } of MODELS)
      assert.ok(
        groups.some((g) => g.model === code),
        code,
      );
    for (const { code } of FORMATS)
      assert.ok(
        groups.some((g) => g.formats.includes(code)),
        code,
      );
    for (const { code } of CONDITIONS)
      assert.ok(
        groups.some((g) => g.conditions.includes(code)),
        code,
      );
    for (const { code } of AUDIENCES)
      assert.ok(
        groups.some((g) => g.audiences.includes(code)),
        code,
      );
  });

  it('has free and paid groups, groups that welcome families and groups that do not, in several languages', () => {
    assert.ok(groups.some((g) => g.answers.cost.free));
    assert.ok(groups.some((g) => !g.answers.cost.free));
    assert.ok(groups.some((g) => g.answers.familyWelcome.answer));
    assert.ok(groups.some((g) => !g.answers.familyWelcome.answer));
    const languages = new Set(groups.flatMap((g) => g.languages));
    for (const code of ['en', 'cy', 'es', 'pa', 'ur', 'gd', 'bn']) assert.ok(languages.has(code), code);
  });

  it('spreads groups over every English region, Scotland, Wales, Northern Ireland and several US states', () => {
    const uk = new Set(groups.filter((g) => g.location?.country === 'GB').map((g) => g.location?.region));
    for (const region of [
      'North East',
      'North West',
      'Yorkshire and the Humber',
      'East Midlands',
      'West Midlands',
      'East of England',
      'London',
      'South East',
      'South West',
      'Scotland',
      'Wales',
      'Northern Ireland',
    ]) {
      assert.ok(uk.has(region), region);
    }
    const states = new Set(groups.filter((g) => g.location?.country === 'US').map((g) => g.location?.region));
    for (const state of ['New York', 'California', 'Texas', 'Illinois', 'Georgia', 'Arizona']) assert.ok(states.has(state), state);
  });

  it('has about 15 groups that serve people anywhere, all remote and clearly so', () => {
    const everywhere = groups.filter((g) => g.servesEverywhere);
    assert.ok(everywhere.length >= 12 && everywhere.length <= 20, `${everywhere.length} groups serve everywhere`);
    for (const g of everywhere) {
      assert.ok(!g.formats.includes('in-person'), `${g.id} meets only online or by telephone`);
      assert.equal(g.location, undefined, `${g.id} has no venue`);
    }
  });

  it('gives groups that meet face to face a venue, and remote regional groups the area they serve', () => {
    for (const g of groups.filter((x) => x.formats.includes('in-person'))) {
      assert.ok(g.location?.venue && g.location.address, `${g.id} says where it meets`);
    }
    for (const g of groups.filter((x) => !x.servesEverywhere && !x.formats.includes('in-person'))) {
      assert.ok(g.serviceArea, `${g.id} says where it takes members from`);
      assert.ok(g.location, `${g.id} is placed where it is based, so nearby searches find it`);
    }
  });

  it('answers the questions in a way that fits each model', () => {
    for (const g of groups) {
      if (g.model === 'group-visits') {
        assert.ok(g.answers.professionalsInvolved.answer && g.leaders.includes('health-professional'), g.id);
      }
      if (g.model === 'community-health-workers') assert.ok(g.leaders.includes('community-health-worker'), g.id);
      if (g.model === 'telephone-support') assert.ok(g.formats.includes('telephone'), g.id);
      if (g.model === 'web-based') assert.ok(g.formats.includes('online'), g.id);
      if (g.audiences.includes('children')) assert.ok(g.answers.familyWelcome.answer, `${g.id}: children come with family`);
      assert.deepEqual(g.principles, [], 'operators configure principles; samples claim none');
    }
  });

  it("starts every rule at a meeting still to come, in the group's own time zone", () => {
    for (const now of [NOW, new Date('2026-03-29T00:30:00Z'), new Date('2026-11-01T06:59:00Z'), new Date('2026-12-31T23:59:00Z')]) {
      for (const g of sampleGroups(now)) {
        const local = wallClock(now, g.schedule.timeZone);
        for (const r of g.schedule.rules) assert.ok(r.start > local, `${g.id} first meets at ${r.start}, after ${local} local time`);
        const next = meetingsOf(g.schedule, { after: now.getTime(), limit: 1 });
        assert.equal(next.length, g.schedule.rules.length > 0 ? 1 : 0, g.id);
      }
    }
    const zones = new Set(groups.map((g) => g.schedule.timeZone));
    for (const zone of [
      'Europe/London',
      'America/New_York',
      'America/Chicago',
      'America/Denver',
      'America/Los_Angeles',
      'America/Phoenix',
    ]) {
      assert.ok(zones.has(zone), zone);
    }
    const us = groups.filter((g) => g.location?.country === 'US');
    assert.ok(us.every((g) => g.schedule.timeZone.startsWith('America/')));
  });

  it('describes a monthly meeting by its rule, with its next dates', () => {
    const cardiff = groups.find((g) => g.id === 'grp-cardiff-t1-parents')!;
    assert.deepEqual(cardiff.schedule.rules, [
      { frequency: 'monthly', interval: 1, weekday: 'TU', weekOfMonth: 2, start: '2026-12-08T19:00', durationMinutes: 90 },
    ]);
    assert.deepEqual(describeSchedule(cardiff.schedule, 'en-GB', catalogue('en').schedule), [
      'Second Tuesday of the month, 19:00 to 20:30',
    ]);
    assert.deepEqual(
      meetingsOf(cardiff.schedule, { after: NOW.getTime(), limit: 4 }).map((m) => m.start),
      ['2026-12-08T19:00', '2027-01-12T19:00', '2027-02-09T19:00', '2027-03-09T19:00'],
    );
    // A course of six weekly sessions ends on the sixth.
    const course = groups.find((g) => g.schedule.rules.some((r) => r.until !== undefined))!;
    assert.equal(meetingsOf(course.schedule, { after: 0, limit: 20 }).length, 6);
  });

  it('uses only contact details reserved for fiction', () => {
    const ukPhone = /^(?:(?:011[3-8]|01[2-6]1)4960|02079460|01632960|07700900)\d{3}$/;
    const usPhone = /^\(\d{3}\) 555-01\d{2}$/;
    for (const g of groups) {
      if (g.contact.phone) {
        const digits = g.contact.phone.replace(/\D/g, '');
        assert.ok(usPhone.test(g.contact.phone) || ukPhone.test(digits), `${g.id}: ${g.contact.phone}`);
      }
      assert.ok(g.contact.email || g.contact.phone || g.contact.website, `${g.id} can be contacted`);
      for (const text of strings(g)) {
        for (const email of text.match(/[^\s@]+@[^\s@]+/g) ?? []) {
          assert.match(email, /@example\.(?:org|com|net)$/, `${g.id}: ${email}`);
        }
        for (const url of text.match(/https?:\/\/[^\s)]+/g) ?? []) {
          assert.match(new URL(url).hostname, /(?:^|\.)example\.org$/, `${g.id}: ${url}`);
        }
      }
      for (const text of prose(g)) {
        assert.doesNotMatch(text, /\d[\d ()-]{7,}\d/, `${g.id}: no telephone numbers in the text`);
      }
    }
  });

  it('names no real charity or programme', () => {
    const real =
      /diabetes uk|jdrf|breakthrough t1d|american diabetes association|beyond type 1|t1international|diabetes scotland|diabetes cymru|peers for progress|\bnhs\b|ymca|stanford/i;
    for (const g of groups) {
      for (const text of [g.name, g.summary, g.organisation?.name ?? '']) assert.doesNotMatch(text, real, g.id);
    }
  });

  it('places each venue where a search from its postcode starts, so it is 0 miles away', async () => {
    const geocoder = createGeocoder(); // offline: OS Code-Point Open, post towns, the US ZIP table
    let checked = 0;
    for (const g of groups) {
      if (!g.location?.postcode) continue;
      const place = await geocoder.geocode(g.location.postcode);
      assert.ok(miles(place, g.location) < 0.001, `${g.id} is ${miles(place, g.location).toFixed(2)} miles from ${g.location.postcode}`);
      // Real postcodes: in Great Britain each is one OS places (elsewhere in the UK no open data can say).
      if (place.country === 'GB' && !/^(BT|GY|JE|IM)/.test(g.location.postcode))
        assert.equal(place.precision, 'postcode', g.location.postcode);
      checked += 1;
    }
    assert.ok(checked > 200, `${checked} groups checked`);
  });
});
