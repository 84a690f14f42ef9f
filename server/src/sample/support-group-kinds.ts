/**
 * Kinds of local support group (the "support group" model): people meeting
 * to give each other emotional and practical support. The words are
 * invented for the sample directory and answer the 8 questions as a real
 * group's leader might.
 * @module
 */
import type { YesNoAnswer } from 'peer-directory/schema';
import type { GroupKind } from './kind.js';
import { organisationFor } from './organisations.js';

/** A yes with the group's own words. */
export const yes = (details: string): YesNoAnswer => ({ answer: true, details });
/** A no with the group's own words. */
export const no = (details: string): YesNoAnswer => ({ answer: false, details });

const EVENING = { weekday: 2, start: '19:00', minutes: 90 } as const;

export const SUPPORT_GROUP_KINDS: readonly GroupKind[] = [
  {
    key: 't1-parents',
    model: 'support-group',
    formats: ['in-person', 'online'],
    conditions: ['type1'],
    audiences: ['parents-carers', 'families'],
    leaders: ['peer'],
    functions: ['being-there', 'social-emotional', 'daily-management', 'ongoing-support'],
    venues: ['community-centre', 'library', 'church-hall'],
    organisation: (c) => organisationFor('families', c),
    name: (c) =>
      c.random.pick([`${c.town} Type 1 Parents' Circle`, `${c.town} Type 1 Families Together`, `Parents of Type 1 Kids, ${c.town}`]),
    summary: (c) =>
      `A friendly evening for parents and carers of children with type 1 diabetes in and around ${c.town}: a cuppa, a chat and people who understand the night-time checks.`,
    answers: (c) => ({
      purpose:
        'To make sure no parent or carer faces type 1 on their own. We swap tips on school, sleepovers, sensors and sports days, and we are there for the hard weeks as well as the good ones.',
      attendees: c.random.pick([
        'Mums, dads, grandparents and foster carers of children with type 1, from toddlers to teenagers. Some of us are a few weeks from diagnosis, some have ten years behind us.',
        'Parents and carers of children and teenagers with type 1. Newly diagnosed families often come along, and there is always someone who remembers exactly how that felt.',
      ]),
      familyWelcome: yes(
        'Both parents, grandparents and other carers are welcome. Children are welcome too; we put out toys and a film in the side room.',
      ),
      clinicalEducation: no(
        `We share what has worked for our families, not medical advice. For changes to insulin or a care plan, speak to your child's diabetes team.`,
      ),
      leaderTraining: `The group is run by two parents of children with type 1 who have done a peer-support course and a safeguarding course. They are parents first, not professionals.`,
      professionalsInvolved: no("Not usually. Once or twice a year a children's diabetes nurse comes to answer general questions."),
      memberExpectations: 'Come when you can, listen as much as you talk, and keep what others share private. There is no need to book.',
      cost: { free: true, details: 'Free. Tea, coffee and biscuits are on us.' },
    }),
    schedules: [
      { rule: { every: 'month', nth: 2, ...EVENING } },
      { rule: { every: 'month', nth: 1, weekday: 4, start: '19:30', minutes: 90 } },
      { rule: { every: 'month', nth: 3, weekday: 3, start: '19:00', minutes: 120 } },
    ],
  },
  {
    key: 't1-adults',
    model: 'support-group',
    formats: ['in-person'],
    conditions: ['type1'],
    audiences: ['adults'],
    leaders: ['peer'],
    functions: ['social-emotional', 'daily-management', 'ongoing-support'],
    venues: ['cafe', 'community-centre'],
    name: (c) => c.random.pick([`${c.town} Type 1 Adults Meet-up`, `T1 ${c.town}: Adults with Type 1`, `${c.town} Type 1 Social`]),
    summary: (c) =>
      `Adults living with type 1 diabetes in ${c.town} meeting over a drink to talk about everything from pumps and sensors to work, exercise and burnout.`,
    answers: () => ({
      purpose:
        'A relaxed place to meet other adults with type 1. Many of us went years without knowing anyone else with it; talking to people who just get it makes the daily sums lighter.',
      attendees:
        'Adults with type 1, from people diagnosed as children to those diagnosed last month in their forties. Usually ten to fifteen people come.',
      familyWelcome: yes('Partners and friends are very welcome, and they often find it useful to meet other partners.'),
      clinicalEducation: no('We talk about our own experience of technology and day-to-day management, but we do not give medical advice.'),
      leaderTraining:
        'The organisers have lived with type 1 for many years and have done a one-day peer-support course. They are volunteers, not clinicians.',
      professionalsInvolved: no('No. This is a peer group.'),
      memberExpectations: 'Just turn up. Be kind, and remember everyone manages type 1 differently; there is no right way.',
      cost: { free: true, details: 'Free to come. You buy your own drinks.' },
    }),
    schedules: [
      { rule: { every: 'month', nth: -1, weekday: 4, start: '19:00', minutes: 120 } },
      { rule: { every: 'month', nth: 1, weekday: 3, start: '18:30', minutes: 120 } },
    ],
  },
  {
    key: 't1-teens',
    model: 'support-group',
    formats: ['in-person', 'online'],
    conditions: ['type1'],
    audiences: ['young-people'],
    leaders: ['trained-volunteer', 'health-professional'],
    functions: ['social-emotional', 'being-there', 'ongoing-support'],
    venues: ['leisure-centre', 'community-centre'],
    organisation: (c) => organisationFor('families', c),
    name: (c) => c.random.pick([`${c.town} Type 1 Teens`, `${c.town} T1 Youth Hangout`]),
    summary: (c) =>
      `Pizza, games and honest talk for 13 to 18 year olds with type 1 diabetes around ${c.town}, plus an online chat between meet-ups.`,
    answers: (c) => ({
      purpose:
        'So that young people with type 1 can meet others their age, have fun and talk about the things that are hard to raise with parents: parties, exams, friends who do not understand, and being fed up with it all.',
      attendees:
        'Young people aged 13 to 18 with type 1 diabetes. Most come from schools across the area; many come on their own after the first time.',
      familyWelcome: no('This is a space for young people. Parents are welcome to drop off and wait in the café downstairs.'),
      clinicalEducation: no(
        `No teaching. If something about insulin or hypos comes up, the volunteers encourage young people to ask their clinic.`,
      ),
      leaderTraining:
        'Sessions are run by trained youth volunteers, two of whom have type 1 themselves. All have safeguarding training and background checks.',
      professionalsInvolved: yes(`A children's ${c.nurse} comes to most sessions to help with hypos if needed and to chat informally.`),
      memberExpectations:
        'Respect each other, keep what is said in the room in the room, and have a good time. Bring your kit and a hypo snack.',
      cost: { free: true, details: 'Free, food included.' },
    }),
    schedules: [
      { rule: { every: 'month', nth: 2, weekday: 5, start: '18:00', minutes: 120 } },
      { rule: { every: 'month', nth: 1, weekday: 6, start: '14:00', minutes: 150 } },
    ],
  },
  {
    key: 'kids-club',
    model: 'support-group',
    formats: ['in-person'],
    conditions: ['type1'],
    audiences: ['children', 'families', 'parents-carers'],
    leaders: ['peer', 'trained-volunteer'],
    functions: ['social-emotional', 'being-there', 'ongoing-support'],
    venues: ['church-hall', 'community-centre', 'leisure-centre'],
    organisation: (c) => organisationFor('families', c),
    name: (c) =>
      c.random.pick([
        `${c.town} Type 1 Kids' Club`,
        c.uk ? `${c.town} Hypo Heroes Club` : `${c.town} T1 Superstars Club`,
        `${c.town} T1 Kids and Families Club`,
      ]),
    summary: (c) =>
      `A Saturday morning club in ${c.town} where children with type 1 play with others who check their levels too, while parents talk over coffee.`,
    answers: (c) => ({
      purpose:
        'To help children with type 1 see they are not the only ones. They do crafts, games and sport together, and parents get to know families who are living the same thing.',
      attendees: 'Children aged 4 to 12 with type 1, their brothers and sisters, and their parents or carers.',
      familyWelcome: yes('Yes: the whole family. Brothers and sisters join in the activities.'),
      clinicalEducation: no("No. Parents stay responsible for their own child's diabetes care during the club."),
      leaderTraining: 'The club is run by parent volunteers who have first-aid and safeguarding training and know how to treat a hypo.',
      professionalsInvolved: no('No, though our clinic knows about us and tells newly diagnosed families.'),
      memberExpectations: "A parent or carer stays with each child. Bring snacks and your child's kit; we provide the fun.",
      cost: {
        free: false,
        details: `${c.money(3)} per family each session, which pays for the hall and craft materials. Nobody is turned away if money is tight.`,
      },
    }),
    schedules: [
      { rule: { every: 'month', nth: 3, weekday: 6, start: '10:00', minutes: 120 } },
      { rule: { every: 'month', nth: 1, weekday: 6, start: '10:30', minutes: 120 } },
    ],
  },
  {
    key: 't2-support',
    model: 'support-group',
    formats: ['in-person'],
    conditions: ['type2'],
    audiences: ['adults'],
    leaders: ['trained-volunteer', 'peer'],
    functions: ['social-emotional', 'daily-management', 'linkage-to-care', 'ongoing-support'],
    venues: ['library', 'church-hall', 'community-centre'],
    organisation: (c) => organisationFor('community', c),
    name: (c) => c.random.pick([`${c.town} Type 2 Support Group`, `${c.town} Type 2 Together`, `${c.town} Diabetes Friends`]),
    summary: (c) =>
      `A monthly afternoon get-together in ${c.town} for adults with type 2 diabetes: shared experience, ideas that work, and a friendly welcome whether you were diagnosed last week or years ago.`,
    answers: (c) => ({
      purpose: c.random.pick([
        'To share what helps in daily life with type 2: meals, getting moving, remembering tablets, and coping when the numbers will not behave. Nobody lectures; we learn from each other.',
        'To support each other with living well with type 2. We talk about food, activity, medicines, appointments and feelings, and we point each other to local services that can help.',
      ]),
      attendees: 'Adults with type 2 diabetes, many of them retired, some still working. The group is usually about twelve people.',
      familyWelcome: yes('Husbands, wives, partners and carers are always welcome; they are part of the team.'),
      clinicalEducation: no(
        `We do not teach clinical care. We do explain how to get the most from your annual review and your ${c.doctor}.`,
      ),
      leaderTraining: `Our leader has type 2 and completed a two-day peer-support volunteer course, including what to do if someone needs more help than the group can give.`,
      professionalsInvolved: no(`Not in our regular sessions. A local ${c.nurse} visits twice a year to answer general questions.`),
      memberExpectations: "Come along when you can. Share if you want to, or just listen. We ask everyone to respect each other's privacy.",
      cost: { free: true, details: c.random.pick(['Free.', 'Free; donations towards the tea fund are welcome but never expected.']) },
    }),
    schedules: [
      { rule: { every: 'month', nth: 1, weekday: 3, start: '14:00', minutes: 90 } },
      { rule: { every: 'month', nth: 2, weekday: 1, start: '13:30', minutes: 90 } },
      { rule: { every: 'month', nth: 3, weekday: 4, start: '10:30', minutes: 90 } },
      { rule: { every: 'month', nth: -1, weekday: 2, start: '18:30', minutes: 90 } },
    ],
  },
  {
    key: 't2-walking',
    model: 'support-group',
    formats: ['in-person'],
    conditions: ['type2', 'long-term-conditions'],
    audiences: ['adults'],
    leaders: ['trained-volunteer'],
    functions: ['daily-management', 'social-emotional', 'ongoing-support'],
    venues: ['park'],
    organisation: (c) => organisationFor('community', c),
    name: (c) => c.random.pick([`${c.town} Walk and Talk`, `${c.town} Diabetes Walking Group`, `Step Together ${c.town}`]),
    summary: (c) =>
      `A gentle weekly walk in ${c.town} for people with type 2 diabetes or other long-term conditions, finishing with a cup of tea and a chat.`,
    answers: () => ({
      purpose:
        'To get moving together and to talk while we walk. Walking with others makes it easier to keep going, and many of us have found it helps our blood sugar and our mood.',
      attendees:
        'Adults with type 2 diabetes and other long-term conditions such as heart disease or arthritis. All paces welcome; the group waits for the slowest walker.',
      familyWelcome: yes('Bring a partner, friend or your dog on a lead.'),
      clinicalEducation: no('No. Check with your own health team before starting new exercise if you are unsure.'),
      leaderTraining: 'Walk leaders are volunteers trained as walk leaders, with first aid and hypo awareness.',
      professionalsInvolved: no('No; the walks are run by volunteers.'),
      memberExpectations:
        'Wear comfortable shoes, bring water and a snack, and tell the leader if you have any health worries. Walks go ahead in most weathers.',
      cost: { free: true, details: 'Free.' },
    }),
    schedules: [
      { rule: { every: 'week', weekday: 2, start: '10:00', minutes: 90 } },
      { rule: { every: 'week', weekday: 4, start: '10:30', minutes: 75 } },
      { rule: { every: 'week', weekday: 6, start: '09:30', minutes: 90 } },
    ],
  },
  {
    key: 'ltc-cafe',
    model: 'support-group',
    formats: ['in-person'],
    conditions: ['long-term-conditions', 'type2'],
    audiences: ['adults'],
    leaders: ['trained-volunteer'],
    functions: ['social-emotional', 'linkage-to-care', 'being-there'],
    venues: ['cafe', 'library', 'community-centre'],
    organisation: (c) => organisationFor('community', c),
    name: (c) => c.random.pick([`${c.town} Living Well Café`, `${c.town} Long-Term Conditions Café`]),
    summary: (c) =>
      `A drop-in café in ${c.town} for anyone living with a long-term condition, diabetes included, to meet others, share what helps and find out about local services.`,
    answers: () => ({
      purpose:
        'Living with a long-term condition can be lonely. The café is somewhere to meet people who understand, swap tips and hear what support is available nearby.',
      attendees:
        'Adults living with diabetes, COPD, heart conditions, arthritis and other long-term conditions, and the people who care for them.',
      familyWelcome: yes('Carers, family and friends are welcome.'),
      clinicalEducation: no(
        'No. Each month a local service (a benefits adviser, the pharmacy, a walking scheme) comes to tell us what they offer.',
      ),
      leaderTraining: 'Hosted by volunteers who have had training in listening skills and in pointing people to the right help.',
      professionalsInvolved: no('Not clinically. Guests from local services sometimes join us.'),
      memberExpectations: 'Drop in for as long as you like. There is no need to say anything about your condition unless you want to.',
      cost: { free: true, details: 'Free, with free tea and cake.' },
    }),
    schedules: [
      { rule: { every: 'fortnight', weekday: 3, start: '10:00', minutes: 120 } },
      { rule: { every: 'fortnight', weekday: 5, start: '13:30', minutes: 120 } },
    ],
  },
  {
    key: 'move-more',
    model: 'support-group',
    formats: ['in-person'],
    conditions: ['type2', 'type1'],
    audiences: ['adults'],
    leaders: ['peer', 'trained-volunteer'],
    functions: ['daily-management', 'social-emotional', 'ongoing-support'],
    venues: ['leisure-centre'],
    name: (c) => `${c.town} Move More with Diabetes`,
    summary: (c) =>
      `A weekly low-impact exercise class in ${c.town} for people with diabetes, run by a fitness instructor who has type 2, followed by a chat and a cuppa.`,
    answers: (c) => ({
      purpose:
        'To help people with diabetes enjoy being active with others who know about hypos, sore feet and low energy days, and to keep each other going.',
      attendees: 'Adults with type 1 or type 2 diabetes, of all fitness levels. Many had not exercised for years before they came.',
      familyWelcome: no('The class itself is for people with diabetes, but partners are welcome at the chat afterwards.'),
      clinicalEducation: no('No clinical teaching. The instructor explains how to keep safe during exercise in general terms.'),
      leaderTraining: 'Our instructor is a qualified exercise professional who lives with type 2 and has done a peer-support course.',
      professionalsInvolved: no('No health professionals; a qualified fitness instructor leads.'),
      memberExpectations: 'Fill in a short health form the first time, bring water and hypo treatment, and go at your own pace.',
      cost: { free: false, details: `${c.money(4)} a session, or ${c.money(12)} a month. Your first session is free.` },
    }),
    schedules: [
      { rule: { every: 'week', weekday: 1, start: '11:00', minutes: 60 } },
      { rule: { every: 'week', weekday: 4, start: '18:00', minutes: 60 } },
    ],
  },
  {
    key: 'rare-types',
    model: 'support-group',
    formats: ['in-person', 'online'],
    conditions: ['other-diabetes'],
    audiences: ['adults'],
    leaders: ['peer'],
    functions: ['social-emotional', 'linkage-to-care', 'ongoing-support'],
    venues: ['library', 'community-centre'],
    name: (c) => `${c.town} MODY, LADA and Rarer Types Group`,
    summary: (c) =>
      `For people in ${c.town} with less common kinds of diabetes (MODY, LADA, type 3c, cystic fibrosis-related diabetes and others) who rarely meet anyone with the same type.`,
    answers: () => ({
      purpose:
        'Many of us were told we had type 1 or type 2 before the real answer came. We meet to share experience, compare notes on getting the right diagnosis and care, and feel less unusual.',
      attendees:
        'Adults with monogenic diabetes (MODY), LADA, diabetes after pancreatitis or surgery (type 3c), cystic fibrosis-related diabetes and other rarer types.',
      familyWelcome: yes('Family members are welcome, especially with MODY, where relatives may be affected too.'),
      clinicalEducation: no('We share experience only. Questions about genetic testing or treatment belong with your specialist team.'),
      leaderTraining: 'Run by two members who have MODY and LADA and have done a peer-support leader course.',
      professionalsInvolved: no('No. We keep a list of the specialist services people have found helpful.'),
      memberExpectations: "Come in person or join the video link. Respect that everyone's type and treatment are different.",
      cost: { free: true, details: 'Free.' },
    }),
    schedules: [{ rule: { every: 'month', nth: 2, weekday: 6, start: '11:00', minutes: 120 } }],
  },
  {
    key: 'cymraeg',
    model: 'support-group',
    formats: ['in-person'],
    conditions: ['type2', 'type1'],
    audiences: ['adults'],
    leaders: ['peer'],
    functions: ['social-emotional', 'daily-management', 'ongoing-support'],
    languages: ['cy', 'en'],
    venues: ['church-hall', 'community-centre', 'library'],
    organisation: () => ({ name: 'Cyfeillion Iechyd Bro', website: 'https://cyfeillion-iechyd.example.org' }),
    name: (c) => `Grŵp Diabetes ${c.town} (Welsh-language diabetes group)`,
    summary: (c) =>
      `A Welsh-language support group in ${c.town} for adults with diabetes. Sgwrs, paned a chefnogaeth: chat, a cuppa and support, in Welsh first, with English when anyone needs it.`,
    answers: () => ({
      purpose:
        'To give Welsh speakers with diabetes a place to talk about living with it in their first language. Talking about feelings and family life is easier in the language you think in.',
      attendees:
        'Adults with type 1 or type 2 diabetes who speak Welsh, and learners who want to practise. Most live in the town and the villages around it.',
      familyWelcome: yes('Partners and family are welcome.'),
      clinicalEducation: no(
        'No clinical teaching. We share experience, and help each other ask for Welsh-language appointments and leaflets.',
      ),
      leaderTraining: 'The leader, who has type 2, completed a peer-support course and a course on running community groups.',
      professionalsInvolved: no('No.'),
      memberExpectations: 'Speak Welsh as much as you can; nobody minds mistakes. Keep what others share private.',
      cost: { free: true, details: 'Free.' },
    }),
    schedules: [
      { rule: { every: 'month', nth: 1, weekday: 1, start: '14:00', minutes: 90 } },
      { rule: { every: 'month', nth: 3, weekday: 4, start: '19:00', minutes: 90 } },
    ],
  },
  {
    key: 'gaidhlig',
    model: 'support-group',
    formats: ['in-person', 'online'],
    conditions: ['type2', 'long-term-conditions'],
    audiences: ['adults'],
    leaders: ['peer', 'trained-volunteer'],
    functions: ['social-emotional', 'being-there', 'linkage-to-care'],
    languages: ['gd', 'en'],
    venues: ['community-centre', 'church-hall'],
    organisation: () => ({ name: 'Comann Slàinte nan Eilean', website: 'https://slainte-eilean.example.org' }),
    name: (c) => `Còmhlan Taic Diabetes ${c.town} (Gaelic diabetes support)`,
    summary: (c) =>
      `A Gaelic and English support group in ${c.town} for people with type 2 diabetes and other long-term conditions, with a video link for those on the outer islands.`,
    answers: () => ({
      purpose:
        'To support each other with diabetes and other long-term conditions in a way that fits island life: long journeys to appointments, weather, and sometimes feeling far from help.',
      attendees: 'Adults from across the islands, many in their sixties and seventies, who speak Gaelic, English or both.',
      familyWelcome: yes('Family and carers are welcome.'),
      clinicalEducation: no('No teaching, but we help each other prepare questions for the clinic and use telehealth appointments.'),
      leaderTraining: 'Led by a volunteer with type 2 who has done peer-support training, with a second volunteer trained in first aid.',
      professionalsInvolved: no('No.'),
      memberExpectations: 'Join in person or by video. Gaelic or English, whichever you prefer.',
      cost: { free: true, details: 'Free.' },
    }),
    schedules: [{ rule: { every: 'month', nth: 1, weekday: 3, start: '14:00', minutes: 90 } }],
  },
];
