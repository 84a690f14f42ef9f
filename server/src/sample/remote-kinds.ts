/**
 * Kinds of remote group that serve one region: a telephone befriending
 * scheme and a video-call group. They meet nowhere, so their location is
 * the place they are based, which lets searches nearby find them.
 * @module
 */
import type { GroupKind } from './kind.js';
import { organisationFor } from './organisations.js';
import { no, yes } from './support-group-kinds.js';

export const REMOTE_KINDS: readonly GroupKind[] = [
  {
    key: 'phone-friends',
    model: 'telephone-support',
    formats: ['telephone'],
    conditions: ['type2', 'type1', 'long-term-conditions'],
    audiences: ['adults'],
    leaders: ['trained-volunteer', 'peer'],
    functions: ['being-there', 'social-emotional', 'ongoing-support', 'linkage-to-care'],
    venues: [],
    remote: { serviceArea: (c) => `People living in ${c.region}` },
    phoneFirst: true,
    organisation: (c) => organisationFor('community', c),
    name: (c) => `${c.region} Diabetes Phone Friends`,
    summary: (c) =>
      `A weekly friendly phone call from a trained volunteer who also lives with diabetes, for people across ${c.region} who find it hard to get out or feel on their own.`,
    answers: () => ({
      purpose:
        'To make sure people with diabetes who are isolated (by distance, health or caring responsibilities) have someone to talk to every week, and help finding local services when they need them.',
      attendees: 'Adults with diabetes, many of them older or living in villages far from a group. Family carers can ask for calls too.',
      familyWelcome: no('Calls are one to one with the person who asked for them.'),
      clinicalEducation: no(
        'No. Volunteers are friendly listeners and will suggest calling your own health team if something worries you.',
      ),
      leaderTraining:
        'Volunteers complete telephone befriending training, including listening skills, safeguarding and when to pass a concern on.',
      professionalsInvolved: no('No; a staff coordinator supports the volunteers.'),
      memberExpectations: 'Agree a regular time for your call and let us know if you will be away. You can stop at any time.',
      cost: { free: true, details: 'Free. We call you, so it costs you nothing.' },
    }),
    schedules: [{ rule: { every: 'arranged', description: 'A weekly call at a time that suits you, Monday to Friday, 10am to 4pm.' } }],
  },
  {
    key: 'video-group',
    model: 'web-based',
    formats: ['online'],
    conditions: ['type2', 'type1'],
    audiences: ['adults'],
    leaders: ['peer'],
    functions: ['social-emotional', 'daily-management', 'ongoing-support'],
    venues: [],
    remote: { serviceArea: (c) => `${c.region}, especially people far from a face-to-face group` },
    organisation: (c) => organisationFor('community', c),
    name: (c) => `${c.region} Diabetes Video Group`,
    summary: (c) =>
      `An online support group by video call for adults with diabetes across ${c.region}, for those who live too far from a group or find travelling hard.`,
    answers: () => ({
      purpose:
        'To bring the support of a local group to people who cannot easily get to one, and to talk about what living with diabetes is like where we live.',
      attendees: 'Adults with type 1 or type 2 diabetes across the region. Around ten people join each call.',
      familyWelcome: yes('Partners can sit in on the call.'),
      clinicalEducation: no('No. We share experience, not medical advice.'),
      leaderTraining: 'The host has type 2 and has done an online group-facilitation course and a peer-support course.',
      professionalsInvolved: no('No.'),
      memberExpectations:
        'Join from a quiet place with your camera on if you can. We send the link by email after a short welcome call with the host.',
      cost: { free: true, details: 'Free.' },
    }),
    schedules: [{ rule: { every: 'fortnight', weekday: 2, start: '19:00', minutes: 75 } }],
  },
];
