/**
 * Online and telephone groups open to people anywhere (`servesEverywhere`):
 * each written out in full, because no two are alike. All invented.
 * @module
 */
import type { Group } from 'peer-directory/schema';
import type { ScheduleSpec } from './schedules.js';
import { no, yes } from './support-group-kinds.js';

/** A group that serves everywhere, before its schedule is worked out from `now`. */
export type EverywhereGroup = Omit<
  Group,
  'id' | 'updatedAt' | 'schedule' | 'servesEverywhere' | 'location' | 'principles' | 'serviceArea'
> & {
  /** The end of its id: `grp-online-<slug>`. */
  slug: string;
  schedule: ScheduleSpec & { timeZone: string };
};

const web = (host: string) => `https://${host}.example.org`;

export const EVERYWHERE_GROUPS: readonly EverywhereGroup[] = [
  {
    slug: 't1-parents-evening',
    name: 'Type 1 Parents Online Evening',
    summary:
      'A video-call evening for parents and carers of children with type 1 diabetes, wherever they live: the support of a local group from your kitchen table once the children are in bed.',
    organisation: { name: 'Lantern Families Network', website: web('lantern-families') },
    conditions: ['type1'],
    audiences: ['parents-carers'],
    formats: ['online'],
    model: 'web-based',
    functions: ['being-there', 'social-emotional', 'ongoing-support'],
    leaders: ['peer'],
    languages: ['en'],
    answers: {
      purpose:
        'So that parents who have no group nearby, or cannot leave the house in the evening, still have others to share the ups and downs of type 1 with.',
      attendees: 'Parents and carers of children with type 1, mostly in the UK but anyone is welcome. Usually fifteen to twenty on a call.',
      familyWelcome: yes('Both parents are welcome, and so are grandparents who help with care.'),
      clinicalEducation: no("No. We share experience; your child's diabetes team advises on treatment."),
      leaderTraining: 'Hosted by parents of children with type 1 who have done peer-support and online group-facilitation training.',
      professionalsInvolved: no('No.'),
      memberExpectations: 'Register once to get the link. Cameras optional; kindness essential.',
      cost: { free: true, details: 'Free.' },
    },
    schedule: { rule: { every: 'month', nth: 2, weekday: 4, start: '20:00', minutes: 75 }, timeZone: 'Europe/London' },
    contact: { email: 'parents-evening@example.org', website: web('lantern-families') },
  },
  {
    slug: 'type1-night-owls',
    name: 'Type 1 Night Owls',
    summary:
      'A late-evening online chat group for young adults with type 1 diabetes: sensors, study, shifts, nights out and everything in between.',
    conditions: ['type1'],
    audiences: ['young-people', 'adults'],
    formats: ['online'],
    model: 'web-based',
    functions: ['social-emotional', 'being-there', 'ongoing-support'],
    leaders: ['peer'],
    languages: ['en'],
    answers: {
      purpose:
        'To connect young adults with type 1 who want to talk to people their own age, at a time of day that suits students and shift workers.',
      attendees: 'People aged 18 to 30 with type 1 diabetes, from anywhere.',
      familyWelcome: no('This group is for young adults with type 1 only.'),
      clinicalEducation: no('No medical advice. The hosts remind people to talk to their clinic about treatment changes.'),
      leaderTraining: 'Hosts are volunteers in their twenties with type 1, trained in online moderation and peer support.',
      professionalsInvolved: no('No.'),
      memberExpectations: 'Follow the group guidelines: be kind, no sharing screenshots, no selling anything.',
      cost: { free: true, details: 'Free.' },
    },
    schedule: { rule: { every: 'week', weekday: 0, start: '21:00', minutes: 60 }, timeZone: 'Europe/London' },
    contact: { email: 'night-owls@example.net', website: web('t1-night-owls') },
  },
  {
    slug: 'gestational-circle',
    name: 'Gestational Diabetes Online Circle',
    summary:
      'An online group for women with gestational diabetes, and for mums who had it before, to share food ideas, worries and encouragement through pregnancy and beyond.',
    organisation: { name: 'Kindred Diabetes Trust', website: web('kindred-diabetes') },
    conditions: ['gestational'],
    audiences: ['adults'],
    formats: ['online'],
    model: 'web-based',
    functions: ['social-emotional', 'daily-management', 'being-there'],
    leaders: ['peer', 'trained-volunteer'],
    languages: ['en'],
    answers: {
      purpose:
        'A gestational diabetes diagnosis can be a shock. This is a place to talk it through with women who have been there, and to think about staying well after the birth.',
      attendees: 'Pregnant women with gestational diabetes, and women who had it in a past pregnancy.',
      familyWelcome: yes('Partners are welcome on the video calls.'),
      clinicalEducation: no("No. Please follow your maternity team's advice on testing, food and medicines."),
      leaderTraining:
        'Run by two mums who had gestational diabetes and completed peer-support training; one is also a trained breastfeeding peer supporter.',
      professionalsInvolved: no('No, though a midwife answers general questions at a session every quarter.'),
      memberExpectations: 'Drop in to any call. Babies on laps are very welcome.',
      cost: { free: true, details: 'Free.' },
    },
    schedule: { rule: { every: 'week', weekday: 3, start: '12:30', minutes: 60 }, timeZone: 'Europe/London' },
    contact: { email: 'gd-circle@example.org' },
  },
  {
    slug: 'rare-types-meetup',
    name: 'MODY, LADA and Type 3c Online Meet-up',
    summary: 'A monthly video meet-up for people with less common types of diabetes, who may never meet anyone with their type locally.',
    conditions: ['other-diabetes'],
    audiences: ['adults', 'families'],
    formats: ['online'],
    model: 'web-based',
    functions: ['social-emotional', 'linkage-to-care', 'ongoing-support'],
    leaders: ['peer'],
    languages: ['en'],
    answers: {
      purpose:
        'To share experience of getting the right diagnosis and treatment for rarer types of diabetes, and to feel less alone with them.',
      attendees:
        'Adults with MODY, LADA, type 3c, cystic fibrosis-related diabetes and other rarer types, and parents of children with them.',
      familyWelcome: yes('Family members are welcome; with MODY, several family members may have it.'),
      clinicalEducation: no('No. We share links to information from specialist services but do not advise.'),
      leaderTraining: 'Hosted by members with MODY and type 3c who completed a peer-support leader course.',
      professionalsInvolved: no('No.'),
      memberExpectations: 'Introduce yourself by first name; share as much or as little as you like.',
      cost: { free: true, details: 'Free.' },
    },
    schedule: { rule: { every: 'month', nth: 1, weekday: 6, start: '15:00', minutes: 90 }, timeZone: 'Europe/London' },
    contact: { email: 'raretypes@example.com', website: web('rare-types') },
  },
  {
    slug: 'type2-text-buddies',
    name: 'Type 2 Text Buddies',
    summary:
      'Encouraging text and email messages three times a week, plus a buddy with type 2 you can message back: support that fits around work and family.',
    organisation: { name: 'Open Door Peer Support', website: web('opendoor-peers') },
    conditions: ['type2'],
    audiences: ['adults'],
    formats: ['online'],
    model: 'web-based',
    functions: ['daily-management', 'ongoing-support', 'being-there'],
    leaders: ['peer', 'trained-volunteer'],
    languages: ['en'],
    answers: {
      purpose:
        'To help people keep up the small daily habits (walking, meals, medicines, checks) with reminders, tips and a buddy who cheers them on.',
      attendees: 'Adults with type 2 diabetes who prefer support by text or email, often people who work shifts or care for others.',
      familyWelcome: no('Messages go to the person with diabetes only.'),
      clinicalEducation: no('Messages give general healthy-living tips, not clinical advice.'),
      leaderTraining:
        'Buddies have type 2 and have completed our online peer-support course. Message content is reviewed by a diabetes nurse.',
      professionalsInvolved: no('Not directly.'),
      memberExpectations: 'Reply to your buddy when you can, and let us know if you want to pause messages.',
      cost: { free: true, details: 'Free; standard text rates apply in some countries.' },
    },
    schedule: {
      rule: { every: 'arranged', description: 'Messages on Monday, Wednesday and Friday mornings; your buddy replies within a day.' },
      timeZone: 'Europe/London',
    },
    contact: { email: 'textbuddies@example.org' },
  },
  {
    slug: 'phone-friends-uk',
    name: 'Diabetes Listening Line',
    summary:
      'A telephone line answered by volunteers who live with diabetes, for anyone who wants to talk about how they are coping. Calls are free to return: leave a number and we ring you back.',
    organisation: { name: 'Kindred Diabetes Trust', website: web('kindred-diabetes') },
    conditions: ['type1', 'type2', 'gestational', 'other-diabetes'],
    audiences: ['adults', 'parents-carers'],
    formats: ['telephone'],
    model: 'telephone-support',
    functions: ['being-there', 'social-emotional', 'linkage-to-care'],
    leaders: ['peer', 'trained-volunteer'],
    languages: ['en'],
    answers: {
      purpose:
        'To listen. Sometimes people need to talk to someone who understands diabetes from the inside, without an appointment and without being judged.',
      attendees: 'Anyone living with diabetes, and family members supporting them.',
      familyWelcome: yes('Family members can call about their own feelings too.'),
      clinicalEducation: no('No. Volunteers do not give medical advice; they will suggest who to call for it.'),
      leaderTraining: 'Volunteers complete listening-line training over six weeks and have regular supervision.',
      professionalsInvolved: no('No.'),
      memberExpectations: 'Nothing: call when you need to. Calls are confidential unless someone is in danger.',
      cost: { free: true, details: 'Free; we call you back so it costs you nothing.' },
    },
    schedule: {
      rule: { every: 'arranged', description: 'Monday to Friday, 10am to 8pm, and Saturday mornings.' },
      timeZone: 'Europe/London',
    },
    contact: { phone: '01632 960 214', email: 'listening-line@example.org' },
  },
  {
    slug: 'parents-listening-line',
    name: 'Type 1 Parent-to-Parent Phone Line',
    summary:
      'Talk to another parent of a child with type 1 by phone, especially in the first weeks after diagnosis. Parents around the country answer calls from home.',
    organisation: { name: 'Lantern Families Network', website: web('lantern-families') },
    conditions: ['type1'],
    audiences: ['parents-carers', 'families'],
    formats: ['telephone'],
    model: 'telephone-support',
    functions: ['being-there', 'social-emotional', 'linkage-to-care'],
    leaders: ['peer'],
    languages: ['en'],
    answers: {
      purpose: "To give a parent, at the moment they need it, someone who has lived through a child's diagnosis and the months afterwards.",
      attendees: 'Parents and carers of children with type 1, particularly soon after diagnosis.',
      familyWelcome: yes('Any parent, carer or grandparent can call.'),
      clinicalEducation: no("No; for anything medical, parents are pointed to their child's diabetes team or out-of-hours line."),
      leaderTraining: 'Parent volunteers take an eight-hour training course and have a monthly debrief with our coordinator.',
      professionalsInvolved: no('No.'),
      memberExpectations: 'Nothing. Call as often as you like; we can also arrange a regular call with the same parent.',
      cost: { free: true, details: 'Free.' },
    },
    schedule: {
      rule: { every: 'arranged', description: 'Every day, 9am to 9pm; leave a message at other times and a parent will call back.' },
      timeZone: 'Europe/London',
    },
    contact: { phone: '07700 900 318', website: web('lantern-families') },
  },
  {
    slug: 'young-adult-mentors',
    name: 'Young Adults Type 1 Mentoring Online',
    summary:
      'Get matched with a mentor in their twenties or thirties who has type 1, for video or phone chats about moving to adult care, university, work and independence.',
    conditions: ['type1'],
    audiences: ['young-people'],
    formats: ['online', 'telephone'],
    model: 'peer-coaching',
    functions: ['being-there', 'daily-management', 'social-emotional', 'ongoing-support'],
    leaders: ['peer'],
    languages: ['en'],
    answers: {
      purpose:
        "To help young people through the move from children's to adult diabetes care and the big changes of leaving home, with a mentor who did it not long ago.",
      attendees: 'Young people aged 16 to 25 with type 1 diabetes, from anywhere.',
      familyWelcome: no('Mentoring is between the young person and their mentor.'),
      clinicalEducation: no('No. Mentors share what worked for them and encourage young people to keep in touch with their clinic.'),
      leaderTraining:
        'Mentors are aged 22 to 35, have lived with type 1 for at least five years, and complete mentoring and safeguarding training.',
      professionalsInvolved: no('No; a coordinator supervises the mentors.'),
      memberExpectations: 'A chat every two weeks for six months, at times you agree with your mentor.',
      cost: { free: true, details: 'Free.' },
    },
    schedule: {
      rule: { every: 'arranged', description: 'Every two weeks at times you agree with your mentor, for six months.' },
      timeZone: 'Europe/London',
    },
    contact: { email: 'mentoring@example.net' },
  },
  {
    slug: 'living-well-online-course',
    name: 'Living Well with Long-Term Conditions: Online Course',
    summary:
      'A six-week online self-management course led by trained volunteers who live with long-term conditions, for people with diabetes and other ongoing health conditions.',
    organisation: { name: 'Well Together Community Trust', website: web('welltogether') },
    conditions: ['long-term-conditions', 'type2'],
    audiences: ['adults'],
    formats: ['online'],
    model: 'self-management',
    functions: ['daily-management', 'social-emotional', 'linkage-to-care'],
    leaders: ['trained-volunteer', 'peer'],
    languages: ['en'],
    answers: {
      purpose:
        'To build everyday skills for living with a long-term condition: action planning, problem solving, handling fatigue and low mood, healthy eating and talking to health professionals.',
      attendees: 'Adults with any long-term condition, diabetes included. Groups of about twelve join from all over.',
      familyWelcome: yes('A carer can join alongside you.'),
      clinicalEducation: yes("General, practical information about medicines and symptoms; nothing that replaces your own team's advice."),
      leaderTraining:
        'Two trained volunteer leaders who live with long-term conditions; four days of leader training and annual refreshers.',
      professionalsInvolved: no('No; it is peer-led by design.'),
      memberExpectations: 'Join all six weekly sessions if you can, and try a small weekly action plan.',
      cost: { free: true, details: 'Free, with a course book posted to you.' },
    },
    schedule: { rule: { every: 'course', sessions: 6, weekday: 1, start: '14:00', minutes: 120 }, timeZone: 'Europe/London' },
    contact: { email: 'courses@example.org', website: web('welltogether') },
  },
  {
    slug: 'sgwrs-ar-lein',
    name: 'Sgwrs Diabetes Ar-lein (Welsh-language online chat)',
    summary:
      'Sgwrs fisol ar-lein i bobl â diabetes: a monthly online chat in Welsh for adults with any type of diabetes, wherever they live.',
    organisation: { name: 'Cyfeillion Iechyd Bro', website: web('cyfeillion-iechyd') },
    conditions: ['type1', 'type2'],
    audiences: ['adults'],
    formats: ['online'],
    model: 'web-based',
    functions: ['social-emotional', 'ongoing-support'],
    leaders: ['peer'],
    languages: ['cy'],
    answers: {
      purpose: 'To give Welsh speakers with diabetes, in Wales and beyond, a monthly chat in their own language.',
      attendees: 'Adults with diabetes who speak Welsh, including learners.',
      familyWelcome: yes('Family members who speak Welsh are welcome.'),
      clinicalEducation: no('No.'),
      leaderTraining: 'Hosted by a volunteer with type 1 who completed peer-support and online facilitation training.',
      professionalsInvolved: no('No.'),
      memberExpectations: 'Speak Welsh as much as you can. Everyone is patient with learners.',
      cost: { free: true, details: 'Am ddim. Free.' },
    },
    schedule: { rule: { every: 'month', nth: -1, weekday: 1, start: '19:30', minutes: 60 }, timeZone: 'Europe/London' },
    contact: { email: 'sgwrs@example.org' },
  },
  {
    slug: 'saathi-phone-line',
    name: 'Saathi Diabetes Phone Line (Punjabi, Urdu and English)',
    summary:
      'A phone line answered in Punjabi, Urdu and English by trained community volunteers who live with type 2 diabetes, for people and families anywhere.',
    organisation: { name: 'Saathi Health Project', website: web('saathi-health') },
    conditions: ['type2', 'gestational'],
    audiences: ['adults', 'families'],
    formats: ['telephone'],
    model: 'telephone-support',
    functions: ['being-there', 'linkage-to-care', 'daily-management', 'social-emotional'],
    leaders: ['trained-volunteer', 'community-health-worker'],
    languages: ['pa', 'ur', 'en'],
    answers: {
      purpose:
        'To talk about diabetes in the language people use at home: food, fasting, family and finding the right help, without feeling judged.',
      attendees: 'Adults with type 2 diabetes, women who had gestational diabetes, and their families, from South Asian communities.',
      familyWelcome: yes('Family members often call on behalf of a parent or grandparent, and are welcome to.'),
      clinicalEducation: no(
        'No clinical advice; volunteers explain what services exist and how to reach them, including advice before fasting.',
      ),
      leaderTraining: 'Volunteers and a community health worker with telephone support and diabetes awareness training.',
      professionalsInvolved: no('No.'),
      memberExpectations: 'Call when you like; we can also arrange weekly calls.',
      cost: { free: true, details: 'Free.' },
    },
    schedule: { rule: { every: 'arranged', description: 'Monday to Saturday, 10am to 6pm.' }, timeZone: 'Europe/London' },
    contact: { phone: '0121 496 0472', email: 'saathi-line@example.org' },
  },
  {
    slug: 'dads-t1-online',
    name: 'Dads of Type 1 Kids Online',
    summary:
      'An online group by and for fathers of children with type 1 diabetes: practical talk about nights, sport and school, and honest talk about how we are doing.',
    conditions: ['type1'],
    audiences: ['parents-carers'],
    formats: ['online'],
    model: 'support-group',
    functions: ['social-emotional', 'being-there', 'daily-management'],
    leaders: ['peer'],
    languages: ['en'],
    answers: {
      purpose: 'Dads often carry a lot and say little. This is a place to talk with other fathers who are doing the night checks too.',
      attendees: 'Fathers, stepfathers and male carers of children with type 1, in any country.',
      familyWelcome: no('The group is just for dads and male carers.'),
      clinicalEducation: no('No.'),
      leaderTraining: 'Two dads of children with type 1 who have done peer-support training.',
      professionalsInvolved: no('No.'),
      memberExpectations: 'Show up when you can. What is said on the call stays on the call.',
      cost: { free: true, details: 'Free.' },
    },
    schedule: { rule: { every: 'month', nth: 1, weekday: 2, start: '20:30', minutes: 60 }, timeZone: 'Europe/London' },
    contact: { email: 't1dads@example.com' },
  },
  {
    slug: 'linea-amiga',
    name: 'Línea Amiga de Diabetes (Spanish-language phone and video support)',
    summary:
      'Apoyo por teléfono y video en español: peer support by phone and video in Spanish for people with diabetes and their families, wherever they live.',
    organisation: { name: 'Caminos de Salud', website: web('caminos-salud') },
    conditions: ['type2', 'gestational', 'type1'],
    audiences: ['adults', 'families'],
    formats: ['telephone', 'online'],
    model: 'telephone-support',
    functions: ['being-there', 'social-emotional', 'linkage-to-care', 'ongoing-support'],
    leaders: ['community-health-worker', 'peer'],
    languages: ['es', 'en'],
    answers: {
      purpose:
        'To make sure Spanish speakers with diabetes have someone to talk to who understands their language, culture and the challenges of finding care.',
      attendees: 'Adults with diabetes and their families who prefer Spanish.',
      familyWelcome: yes('Yes, families are welcome on calls and video groups.'),
      clinicalEducation: no('No medical advice; we help people find clinics, programs and educators near them.'),
      leaderTraining: 'Answered by certified community health workers and trained peer volunteers.',
      professionalsInvolved: no('No.'),
      memberExpectations: 'Call or join the weekly video group whenever you want.',
      cost: { free: true, details: 'Free. Gratis.' },
    },
    schedule: {
      rule: { every: 'week', weekday: 4, start: '18:00', minutes: 60 },
      after: '(video group, Central time); phone line Monday to Friday, 9am to 5pm.',
      timeZone: 'America/Chicago',
    },
    contact: { phone: '(312) 555-0148', email: 'lineaamiga@example.org' },
  },
  {
    slug: 't2-remission-online',
    name: 'Type 2 Remission Support Online',
    summary:
      'A fortnightly video group for people with type 2 working towards remission with their health team, sharing recipes, setbacks and successes.',
    conditions: ['type2'],
    audiences: ['adults'],
    formats: ['online'],
    model: 'web-based',
    functions: ['daily-management', 'social-emotional', 'ongoing-support'],
    leaders: ['peer'],
    languages: ['en'],
    answers: {
      purpose: 'To support each other through big changes to eating and activity, which are easier with company.',
      attendees: 'Adults with type 2 diabetes following a remission plan agreed with their health team.',
      familyWelcome: yes('Partners who share the cooking are welcome.'),
      clinicalEducation: no('No; any plan to change diet or medicines must be agreed with your own health team first.'),
      leaderTraining: 'Hosted by a member in remission who has done a peer-support course.',
      professionalsInvolved: no('No.'),
      memberExpectations: 'Be supportive and never pressure others about food or weight.',
      cost: { free: true, details: 'Free.' },
    },
    schedule: { rule: { every: 'fortnight', weekday: 1, start: '19:00', minutes: 60 }, timeZone: 'Europe/London' },
    contact: { email: 'remission-group@example.net' },
  },
  {
    slug: 'us-chronic-conditions-online',
    name: 'Chronic Conditions Connect (online, US Eastern time)',
    summary:
      'A weekly online circle for adults living with diabetes or other chronic conditions, hosted from the US and open to anyone who can join at that time.',
    organisation: { name: 'Neighbors in Health Alliance', website: web('neighbors-in-health') },
    conditions: ['long-term-conditions', 'type2', 'type1'],
    audiences: ['adults'],
    formats: ['online'],
    model: 'web-based',
    functions: ['social-emotional', 'ongoing-support', 'being-there'],
    leaders: ['trained-volunteer'],
    languages: ['en'],
    answers: {
      purpose:
        'To offer friendship and practical support to people managing one or more chronic conditions, particularly those who are homebound.',
      attendees: 'Adults with diabetes, heart disease, kidney disease and other chronic conditions; many are older or homebound.',
      familyWelcome: yes('Caregivers are welcome to join.'),
      clinicalEducation: no('No.'),
      leaderTraining: 'Trained volunteer hosts who live with chronic conditions.',
      professionalsInvolved: no('No.'),
      memberExpectations: 'Join by video or dial in from any phone.',
      cost: { free: true, details: 'Free.' },
    },
    schedule: { rule: { every: 'week', weekday: 2, start: '13:00', minutes: 60 }, timeZone: 'America/New_York' },
    contact: { phone: '(212) 555-0172', email: 'connect@example.com' },
  },
];
