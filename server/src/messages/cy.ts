import type { Catalogue } from './catalogue.js';

// Intl gives Welsh weekdays as "dydd Mercher"; the ordinal follows the noun.
const NTH = { 1: 'cyntaf', 2: 'ail', 3: 'trydydd', 4: 'pedwerydd', [-1]: 'olaf' } as const;
const ordinal = (day: string, nth: keyof typeof NTH) =>
  nth === 1 || nth === -1 ? `Y ${day} ${NTH[nth]}` : nth === 2 ? `Yr ail ${day}` : `Y ${NTH[nth]} ${day}`;

/** Welsh. */
export const cy: Catalogue = {
  language: 'cy',
  schedule: {
    weekly: (day) => `Bob ${day}`,
    everyWeeks: (day, n) => (n === 2 ? `Bob yn ail ${day}` : `Bob ${n} wythnos ar ${day}`),
    monthly: (day, nth) => `${ordinal(day, nth)} o’r mis`,
    everyMonths: (day, nth, n) => `${ordinal(day, nth)} bob ${n} mis`,
    withTimes: (pattern, from, to) => `${pattern}, ${from} i ${to}`,
    count: (sentence, n) => `${sentence}, ${n} cyfarfod i gyd`,
    until: (sentence, last) => `${sentence}, tan ${last}`,
  },
  noMedicalAdvice:
    'Mae cefnogwyr cymheiriaid yn rhannu eu profiad eu hunain o ddiabetes. Nid ydynt yn rhoi cyngor meddygol: ' +
    'am gwestiynau am eich triniaeth, siaradwch â’ch meddyg, nyrs neu dîm gofal eich hun.',
  greeting: (name) => `Helo ${name},`,
  signOff: 'Tîm y cyfeiriadur',
  whyRegistrant: (group) => `Rydych yn cael yr e-bost hwn am i chi ofyn i ${group} gael ei restru yn y cyfeiriadur.`,
  whyReminder: (group) => `Rydych yn cael yr e-bost hwn am i chi ofyn am nodiadau atgoffa am ${group}.`,
  unsubscribeLink: 'Stopio’r e-byst hyn',

  received: ({ group, reference }) => ({
    subject: `Rydym wedi cael ${group} (${reference})`,
    paragraphs: [
      `Diolch am gofrestru ${group}. Eich cyfeirnod yw ${reference}.`,
      'Bydd rhywun o dîm y cyfeiriadur yn gwirio’r manylion cyn cyhoeddi’r grŵp. Byddwn yn anfon e-bost atoch pan fyddant wedi gwneud.',
    ],
  }),
  published: ({ group, reference, url }) => ({
    subject: `Mae ${group} yn y cyfeiriadur nawr`,
    paragraphs: [`Mae ${group} (cyfeirnod ${reference}) wedi’i gyhoeddi: gall pobl ddod o hyd iddo wrth chwilio.`],
    action: { label: 'Gweld y grŵp', url },
  }),
  notPublished: ({ group, reference, reason }) => ({
    subject: `Ni chafodd ${group} ei gyhoeddi`,
    paragraphs: [
      `Ni allem gyhoeddi ${group} (cyfeirnod ${reference}). Rhoddodd tîm y cyfeiriadur y rheswm hwn:`,
      reason,
      'Mae croeso i chi gofrestru’r grŵp eto gyda’r manylion wedi’u newid.',
    ],
  }),
  updateApplied: ({ group, reference, url }) => ({
    subject: `Mae eich newidiadau i ${group} wedi’u cyhoeddi`,
    paragraphs: [`Mae’r newidiadau a anfonoch ar gyfer ${group} (cyfeirnod ${reference}) yn y cyfeiriadur nawr.`],
    action: { label: 'Gweld y grŵp', url },
  }),

  confirmReminders: ({ group, what, url }) => ({
    subject: `Cadarnhewch eich nodiadau atgoffa ar gyfer ${group}`,
    paragraphs: [
      `Gofynnodd rhywun, chi gobeithio, am nodiadau atgoffa drwy e-bost am ${what} ${group}.`,
      'Ni fydd dim yn cael ei anfon nes i chi gadarnhau. Os na wnaethoch ofyn, anwybyddwch yr e-bost hwn a byddwn yn dileu eich cyfeiriad o fewn wythnos.',
    ],
    action: { label: 'Cadarnhau fy nodiadau atgoffa', url },
  }),
  everyMeeting: 'bob cyfarfod',
  oneMeeting: (when) => `y cyfarfod ar ${when}`,
  reminder: ({ group, when, where, url }) => ({
    subject: `Nodyn atgoffa: ${group}, ${when}`,
    paragraphs: [`Mae ${group} yn cyfarfod ar ${when}.`, where],
    action: { label: 'Gweld y grŵp', url },
  }),
  meetingCancelled: ({ group, when, note, url }) => ({
    subject: `Wedi’i ganslo: ${group}, ${when}`,
    paragraphs: [`Mae cyfarfod ${group} ar ${when} wedi’i ganslo.`, ...(note ? [note] : [])],
    action: { label: 'Gweld y grŵp', url },
  }),

  confirmPage: {
    title: 'Cadarnhewch eich nodiadau atgoffa',
    paragraphs: ['Pwyswch y botwm i ddechrau eich nodiadau atgoffa.'],
    button: 'Cadarnhau fy nodiadau atgoffa',
  },
  confirmedPage: {
    title: 'Mae eich nodiadau atgoffa ymlaen',
    paragraphs: ['Byddwn yn anfon e-bost atoch cyn y cyfarfodydd a ddewisoch. Mae dolen i’w stopio ym mhob e-bost.'],
  },
  unsubscribePage: {
    title: 'Stopio’r e-byst hyn',
    paragraphs: ['Pwyswch y botwm i stopio eich nodiadau atgoffa a dileu eich cyfeiriad e-bost.'],
    button: 'Stopio fy nodiadau atgoffa',
  },
  unsubscribedPage: {
    title: 'Mae eich nodiadau atgoffa wedi stopio',
    paragraphs: ['Rydym wedi dileu eich cyfeiriad e-bost. Ni fyddwch yn cael rhagor o nodiadau atgoffa.'],
  },
  linkExpiredPage: {
    title: 'Nid yw’r ddolen hon yn gweithio mwyach',
    paragraphs: ['Mae’r nodiadau atgoffa yr oedd ar eu cyfer wedi dod i ben neu wedi’u stopio, a’r cyfeiriad wedi’i ddileu.'],
  },
};
