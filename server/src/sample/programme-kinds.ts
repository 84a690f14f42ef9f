/**
 * Kinds of structured programme: professional-led group visits, peer-led
 * self-management courses, one-to-one peer mentoring and community health
 * workers. Invented words for the sample directory.
 * @module
 */
import type { GroupKind } from './kind.js';
import { organisationFor } from './organisations.js';
import { no, yes } from './support-group-kinds.js';

export const PROGRAMME_KINDS: readonly GroupKind[] = [
  {
    key: 'gestational-group-clinic',
    model: 'group-visits',
    formats: ['in-person'],
    conditions: ['gestational'],
    audiences: ['adults'],
    leaders: ['health-professional', 'peer'],
    functions: ['daily-management', 'linkage-to-care', 'social-emotional'],
    venues: ['hospital'],
    organisation: (c) => organisationFor('clinic', c),
    name: (c) => `${c.town} Gestational Diabetes Group Clinic`,
    summary: (c) =>
      `Weekly group appointments in ${c.town} for pregnant women with gestational diabetes: check-ups and learning with a midwife and dietitian, and time with other mums-to-be going through the same.`,
    answers: (c) => ({
      purpose:
        'To look after you and your baby during a pregnancy with gestational diabetes, and to let you learn from other women at the same stage. Many find the group less daunting than appointments on their own.',
      attendees:
        'Women diagnosed with gestational diabetes, usually from around 24 to 36 weeks of pregnancy. A mum who had gestational diabetes last year joins as a peer supporter.',
      familyWelcome: yes('Partners and one support person are welcome.'),
      clinicalEducation: yes(
        'Yes: blood glucose checks, food in pregnancy, medicines if you need them, and what happens at and after the birth.',
      ),
      leaderTraining: `The peer supporter has completed the hospital's volunteer training and a peer-support course; she shares her own experience and does not give clinical advice.`,
      professionalsInvolved: yes(`Yes. A diabetes midwife and a dietitian run each session, and a ${c.nurse} joins monthly.`),
      memberExpectations:
        'Bring your blood glucose meter or app and your maternity notes. Come to each weekly session until your team says otherwise.',
      cost: c.uk
        ? { free: true, details: 'Free, as part of your maternity care.' }
        : {
            free: false,
            details: 'Billed as a prenatal visit; most insurance and Medicaid cover it. Ask us about help if you are uninsured.',
          },
    }),
    schedules: [
      { rule: { every: 'week', weekday: 4, start: '09:30', minutes: 120 } },
      { rule: { every: 'week', weekday: 2, start: '13:30', minutes: 120 } },
    ],
  },
  {
    key: 't2-group-clinic',
    model: 'group-visits',
    formats: ['in-person'],
    conditions: ['type2'],
    audiences: ['adults'],
    leaders: ['health-professional'],
    functions: ['daily-management', 'linkage-to-care', 'ongoing-support'],
    venues: ['health-centre'],
    organisation: (c) => organisationFor('clinic', c),
    name: (c) => c.random.pick([`${c.town} Type 2 Group Consultations`, `${c.town} Shared Appointments for Type 2`]),
    summary: (c) =>
      `Your diabetes review in a small group at a ${c.town} health centre: results explained, questions answered by a nurse, and ideas from people facing the same choices.`,
    answers: (c) => ({
      purpose:
        "To give people with type 2 more time with their care team than a ten-minute appointment allows, and the chance to learn from each other's questions and experience.",
      attendees: `Adults with type 2 diabetes registered with local ${c.uk ? 'GP practices' : 'clinics'}, in groups of eight to twelve.`,
      familyWelcome: no(
        'Sessions are for patients only because personal results are discussed in the group. You may bring a carer if you need one.',
      ),
      clinicalEducation: yes('Yes: what your blood tests mean, medicines, feet and eye checks, and food and activity.'),
      leaderTraining: `Sessions are led by a ${c.nurse} trained in running group consultations, with a facilitator who keeps time and helps everyone speak.`,
      professionalsInvolved: yes(`Yes. A ${c.nurse} leads, and a ${c.doctor} joins to review medicines.`),
      memberExpectations:
        "Agree to keep other people's results and stories confidential. Come to your booked session; you can switch to a one-to-one appointment at any time.",
      cost: c.uk
        ? { free: true, details: 'Free.' }
        : {
            free: false,
            details: `Billed as an office visit; your usual copay applies (often ${c.money(10)} to ${c.money(25)}). A sliding fee scale is available.`,
          },
    }),
    schedules: [
      { rule: { every: 'month', nth: 2, weekday: 3, start: '10:00', minutes: 120 } },
      { rule: { every: 'month', nth: 4, weekday: 2, start: '14:00', minutes: 120 } },
    ],
  },
  {
    key: 'living-well-course',
    model: 'self-management',
    formats: ['in-person'],
    conditions: ['type2', 'long-term-conditions'],
    audiences: ['adults'],
    leaders: ['trained-volunteer', 'peer'],
    functions: ['daily-management', 'social-emotional', 'linkage-to-care'],
    venues: ['library', 'community-centre', 'church-hall'],
    organisation: (c) => organisationFor('community', c),
    name: (c) => c.random.pick([`Living Well with Diabetes: ${c.town} course`, `${c.town} Take Charge Course`]),
    summary: (c) =>
      `A free six-week course in ${c.town}, led by trained volunteers who live with long-term conditions themselves, on the everyday skills of managing diabetes.`,
    answers: () => ({
      purpose:
        'To build confidence in managing diabetes day to day: planning meals, being active, handling stress and low mood, making action plans, and talking with your health team.',
      attendees:
        'Adults with type 2 diabetes or another long-term condition, in groups of about twelve. Some come soon after diagnosis, others after many years.',
      familyWelcome: yes('A family member or carer can come with you to all six sessions.'),
      clinicalEducation: yes(
        'Yes, at a practical level: what blood glucose readings mean, taking medicines, and looking after your feet. The materials are checked by a diabetes nurse.',
      ),
      leaderTraining:
        'Each course has two leaders who live with a long-term condition and have completed a four-day leader training, with refresher training every year.',
      professionalsInvolved: no(
        'No; the course is deliberately peer-led. Leaders point you to your own health team for clinical questions.',
      ),
      memberExpectations:
        'Come to all six sessions if you can, and try the weekly action plan. Sessions are two and a half hours with a break.',
      cost: { free: true, details: 'Free, including the course book.' },
    }),
    schedules: [
      { rule: { every: 'course', sessions: 6, weekday: 3, start: '10:00', minutes: 150 } },
      { rule: { every: 'course', sessions: 6, weekday: 2, start: '13:30', minutes: 150 } },
      { rule: { every: 'course', sessions: 6, weekday: 4, start: '18:00', minutes: 150 } },
    ],
  },
  {
    key: 'peer-mentors',
    model: 'peer-coaching',
    formats: ['in-person', 'telephone', 'online'],
    conditions: ['type1', 'type2'],
    audiences: ['adults'],
    leaders: ['peer', 'trained-volunteer'],
    functions: ['being-there', 'daily-management', 'social-emotional', 'ongoing-support'],
    venues: ['cafe', 'library'],
    organisation: (c) => organisationFor('community', c),
    name: (c) => `${c.town} Diabetes Peer Mentors`,
    summary: (c) =>
      `One-to-one support in ${c.town} from a trained mentor who has learned to live well with diabetes: regular check-ins, goals you set together, and someone in your corner.`,
    answers: () => ({
      purpose:
        'To pair you with a mentor who has been where you are. Together you set small goals, check in regularly and keep each other going. Mentors also help you find other support, including for your mental health.',
      attendees:
        'Adults with type 1 or type 2 diabetes who would like one-to-one support, especially after a diagnosis or a hard patch. We also welcome people who would like to become mentors.',
      familyWelcome: no('Mentoring is one to one. Family members can come to the bi-monthly social.'),
      clinicalEducation: no('No. Mentors share their experience and point you back to your care team for anything clinical.'),
      leaderTraining:
        'Mentors have lived with diabetes for at least three years and complete a three-day mentoring course, with monthly supervision from our coordinator.',
      professionalsInvolved: no('No, though our coordinator works closely with local diabetes teams, who refer many mentees.'),
      memberExpectations:
        'Commit to six months of check-ins, usually every two weeks, by phone, video or over a coffee. Tell your mentor if anything changes.',
      cost: { free: true, details: 'Free.' },
    }),
    schedules: [
      {
        rule: { every: 'month', nth: -1, weekday: 6, start: '10:30', minutes: 90 },
        after: '(an open coffee morning for everyone in the scheme); otherwise mentors and mentees agree their own times.',
      },
    ],
  },
  {
    key: 'link-workers',
    model: 'community-health-workers',
    formats: ['in-person', 'telephone'],
    conditions: ['type2', 'long-term-conditions'],
    audiences: ['adults', 'families'],
    leaders: ['community-health-worker'],
    functions: ['linkage-to-care', 'daily-management', 'being-there', 'ongoing-support'],
    venues: ['faith-centre', 'community-centre'],
    organisation: (c) => organisationFor('chw', c),
    name: (c) => `${c.town} Community Diabetes Link Workers`,
    summary: (c) =>
      `Health link workers who speak ${c.otherLanguages} and English support families in ${c.town} living with type 2 diabetes: home visits, a weekly drop-in, and help with appointments.`,
    answers: (c) => ({
      purpose:
        'To make diabetes care work for families who are often missed: explaining things in your own language, fitting healthy eating around family and festival food, and helping you get to appointments and understand letters.',
      attendees: `Adults with type 2 diabetes or at risk of it, and their families, from communities that speak ${c.otherLanguages}.`,
      familyWelcome: yes('Very much so. Food and health are family matters, so we welcome whoever does the cooking and shopping.'),
      clinicalEducation: yes(
        'Yes, in plain words and your own language: what diabetes is, medicines, checks and food. Link workers do not change treatment.',
      ),
      leaderTraining:
        'Link workers come from the communities they serve and have completed a community health worker qualification and diabetes awareness training.',
      professionalsInvolved: yes(
        `A ${c.nurse} joins the drop-in once a month, and link workers work closely with local ${c.uk ? 'GP practices' : 'clinics'}.`,
      ),
      memberExpectations: 'Nothing is expected beyond coming along or agreeing a visit. You can bring family members.',
      cost: { free: true, details: 'Free.' },
    }),
    schedules: [
      { rule: { every: 'week', weekday: 5, start: '11:00', minutes: 120 }, after: '(weekly drop-in); home visits by arrangement.' },
    ],
  },
  {
    key: 'promotoras',
    model: 'community-health-workers',
    formats: ['in-person', 'telephone'],
    conditions: ['type2', 'gestational'],
    audiences: ['adults', 'families'],
    leaders: ['community-health-worker'],
    functions: ['linkage-to-care', 'daily-management', 'social-emotional', 'ongoing-support'],
    languages: ['es', 'en'],
    venues: ['community-centre', 'church', 'library'],
    organisation: (c) => organisationFor('chw', c),
    name: (c) => `Promotoras de Salud ${c.town}: Diabetes Program`,
    summary: (c) =>
      `Promotoras (community health workers) who share the language and culture of Latino families in ${c.town} offer diabetes classes, home visits and help getting care. Clases en español.`,
    answers: () => ({
      purpose:
        'To help Latino families prevent and live well with diabetes: cooking favorite dishes in healthier ways, staying active, understanding medicines, and connecting to clinics, food programs and insurance help. Juntos podemos.',
      attendees:
        'Adults with type 2 diabetes or prediabetes, women who had gestational diabetes, and their families. Most sessions are in Spanish.',
      familyWelcome: yes('Yes, bring your family; children can join the cooking demonstrations.'),
      clinicalEducation: yes(
        'Yes: what diabetes is, checking blood sugar, medicines and foot care, taught in plain Spanish with materials reviewed by a diabetes educator.',
      ),
      leaderTraining:
        'Our promotoras are certified community health workers who live in the neighborhood and completed diabetes education training.',
      professionalsInvolved: no('Not in the sessions. Promotoras help you make and keep appointments with clinics.'),
      memberExpectations:
        'Come to the monthly class and the promotora will call or visit between classes if you want. Everything you share is kept private.',
      cost: { free: true, details: 'Free. Gratis.' },
    }),
    schedules: [
      { rule: { every: 'month', nth: 2, weekday: 6, start: '10:00', minutes: 120 }, after: '(class); home visits and calls in between.' },
      { rule: { every: 'month', nth: 1, weekday: 3, start: '18:00', minutes: 90 }, after: '(class); home visits and calls in between.' },
    ],
  },
  {
    key: 'faith-health',
    model: 'community-health-workers',
    formats: ['in-person'],
    conditions: ['type2', 'long-term-conditions'],
    audiences: ['adults', 'families'],
    leaders: ['community-health-worker', 'trained-volunteer'],
    functions: ['linkage-to-care', 'social-emotional', 'daily-management'],
    venues: ['church'],
    organisation: (c) => organisationFor('chw', c),
    name: (c) => `${c.town} Faith and Health Diabetes Circle`,
    summary: (c) =>
      `A health ministry circle in ${c.town} where community health workers and trained church volunteers help members and neighbors live well with type 2 diabetes and high blood pressure.`,
    answers: () => ({
      purpose:
        'To bring diabetes support to where people already gather. We check blood pressure, talk through what the doctor said, share healthy takes on church supper favorites, and pray and encourage one another.',
      attendees:
        'Church members and anyone from the neighborhood with type 2 diabetes, high blood pressure or other long-term conditions. You do not have to be a member.',
      familyWelcome: yes('Families are welcome; many couples come together.'),
      clinicalEducation: no(
        'We share practical tips but do not teach clinical care. Community health workers connect people to clinics that do.',
      ),
      leaderTraining:
        'Led by a certified community health worker with trained health-ministry volunteers, who have done training in diabetes awareness and blood pressure checks.',
      professionalsInvolved: no('Not usually; a parish nurse joins a few times a year.'),
      memberExpectations: 'Come as you are. Bring your questions and your appetite for the healthy potluck.',
      cost: { free: true, details: 'Free.' },
    }),
    schedules: [{ rule: { every: 'month', nth: 3, weekday: 0, start: '13:00', minutes: 90 }, after: 'after the late morning service.' }],
  },
];
