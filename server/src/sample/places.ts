/**
 * Where the sample groups are: real towns, each with a real town-centre
 * postcode or ZIP code (the groups' venues are placed there by the offline
 * geocoder), and the kinds of group each has. The groups are invented; the
 * towns and postcodes are not.
 * @module
 */

/** A town in the sample directory and the kinds of group (GroupKind keys) it has. */
export interface SamplePlace {
  /** Id part: `grp-<slug>-<kind>`. */
  slug: string;
  /** The postal town, as `location.town`. */
  town: string;
  /** What groups call their patch when it differs from the town: a London borough. */
  local?: string;
  /** English region, UK nation or US state: `location.region`. */
  region: string;
  /** The wider area a remote group in this town serves: `Cornwall`. */
  area?: string;
  country: 'GB' | 'US';
  /** A town-centre postcode or ZIP code: where the town's groups are placed. */
  postcode: string;
  timeZone: string;
  /** UK: a fictional-number prefix (Ofcom drama range) for the area; US: the area code (numbers are 555-01xx). */
  phone: string;
  /** Languages other than English that link workers here speak. */
  linkLanguages?: readonly string[];
  kinds: readonly string[];
}

// Ofcom's numbers for drama: 0113 496 0000-0999 and the like, 020 7946 0000-0999, 01632 960000-960999.
const NO_AREA = '01632 960 ';
const LDN = '020 7946 0';

const uk = (
  slug: string,
  town: string,
  region: string,
  postcode: string,
  kinds: string[],
  extra: Partial<SamplePlace> = {},
): SamplePlace => ({
  slug,
  town,
  region,
  postcode,
  kinds,
  country: 'GB',
  timeZone: 'Europe/London',
  phone: NO_AREA,
  ...extra,
});

const us = (
  slug: string,
  town: string,
  region: string,
  zip: string,
  timeZone: string,
  areaCode: string,
  kinds: string[],
  extra: Partial<SamplePlace> = {},
): SamplePlace => ({
  slug,
  town,
  region,
  postcode: zip,
  kinds,
  country: 'US',
  timeZone,
  phone: areaCode,
  ...extra,
});

const NY = 'America/New_York';
const CHI = 'America/Chicago';
const DEN = 'America/Denver';
const LA = 'America/Los_Angeles';
const PHX = 'America/Phoenix';

export const SAMPLE_PLACES: readonly SamplePlace[] = [
  // North East
  uk('newcastle', 'Newcastle upon Tyne', 'North East', 'NE1 7RU', ['t1-parents', 't2-support', 'living-well-course'], {
    local: 'Newcastle',
  }),
  uk('sunderland', 'Sunderland', 'North East', 'SR1 3AD', ['t2-walking', 'ltc-cafe']),
  uk('middlesbrough', 'Middlesbrough', 'North East', 'TS1 2AZ', ['t2-group-clinic', 't1-adults']),
  uk('durham', 'Durham', 'North East', 'DH1 3NJ', ['t1-teens', 'peer-mentors']),
  // North West
  uk('manchester', 'Manchester', 'North West', 'M1 1AE', ['t1-adults', 'gestational-group-clinic', 'link-workers', 't1-teens'], {
    phone: '0161 496 0',
    linkLanguages: ['ur', 'pa'],
  }),
  uk('liverpool', 'Liverpool', 'North West', 'L1 8JQ', ['t2-support', 'kids-club', 'living-well-course'], { phone: '0151 496 0' }),
  uk('preston', 'Preston', 'North West', 'PR1 2HE', ['t2-walking', 'peer-mentors']),
  uk('blackburn', 'Blackburn', 'North West', 'BB1 7HP', ['link-workers', 't2-support'], { linkLanguages: ['gu', 'ur'] }),
  uk('carlisle', 'Carlisle', 'North West', 'CA3 8QG', ['t2-support', 'phone-friends'], { area: 'Cumbria' }),
  // Yorkshire and the Humber
  uk('leeds', 'Leeds', 'Yorkshire and the Humber', 'LS1 4DY', ['t1-parents', 't2-group-clinic', 't1-adults', 'move-more'], {
    phone: '0113 496 0',
  }),
  uk('sheffield', 'Sheffield', 'Yorkshire and the Humber', 'S1 2HE', ['living-well-course', 't2-walking', 'kids-club'], {
    phone: '0114 496 0',
  }),
  uk('bradford', 'Bradford', 'Yorkshire and the Humber', 'BD1 1HY', ['link-workers', 'gestational-group-clinic', 't2-support'], {
    phone: '0113 496 0',
    linkLanguages: ['ur', 'pa'],
  }),
  uk('hull', 'Hull', 'Yorkshire and the Humber', 'HU1 2AA', ['t2-support', 'ltc-cafe']),
  uk('york', 'York', 'Yorkshire and the Humber', 'YO1 7HH', ['t1-adults', 'peer-mentors']),
  // East Midlands
  uk('nottingham', 'Nottingham', 'East Midlands', 'NG1 5FS', ['t1-parents', 't2-support', 't1-teens'], { phone: '0115 496 0' }),
  uk('leicester', 'Leicester', 'East Midlands', 'LE1 5YA', ['link-workers', 'living-well-course', 'rare-types'], {
    phone: '0116 496 0',
    linkLanguages: ['gu', 'pa'],
  }),
  uk('derby', 'Derby', 'East Midlands', 'DE1 2FS', ['t2-walking', 'ltc-cafe']),
  uk('lincoln', 'Lincoln', 'East Midlands', 'LN1 1NE', ['t2-group-clinic', 'phone-friends'], { area: 'Lincolnshire' }),
  uk('northampton', 'Northampton', 'East Midlands', 'NN1 2EW', ['t2-support', 'kids-club']),
  // West Midlands
  uk(
    'birmingham',
    'Birmingham',
    'West Midlands',
    'B1 1BB',
    ['link-workers', 't1-adults', 'gestational-group-clinic', 't2-group-clinic', 'rare-types'],
    { phone: '0121 496 0', linkLanguages: ['pa', 'ur', 'bn'] },
  ),
  uk('coventry', 'Coventry', 'West Midlands', 'CV1 1FL', ['t2-support', 't1-parents']),
  uk('wolverhampton', 'Wolverhampton', 'West Midlands', 'WV1 1RQ', ['living-well-course', 't2-walking'], { phone: '0121 496 0' }),
  uk('stoke', 'Stoke-on-Trent', 'West Midlands', 'ST1 1HL', ['t2-support', 'peer-mentors']),
  uk('hereford', 'Hereford', 'West Midlands', 'HR1 2PJ', ['ltc-cafe', 't2-support']),
  // East of England
  uk('norwich', 'Norwich', 'East of England', 'NR2 1NH', ['t2-walking', 't1-parents']),
  uk('cambridge', 'Cambridge', 'East of England', 'CB2 3QZ', ['t1-adults', 'living-well-course']),
  uk('ipswich', 'Ipswich', 'East of England', 'IP1 1DH', ['t2-support', 'move-more']),
  uk('peterborough', 'Peterborough', 'East of England', 'PE1 1XS', ['link-workers', 'gestational-group-clinic'], {
    linkLanguages: ['pl', 'ur'],
  }),
  uk('luton', 'Luton', 'East of England', 'LU1 2BQ', ['link-workers', 't2-support'], { linkLanguages: ['ur', 'bn'] }),
  uk('chelmsford', 'Chelmsford', 'East of England', 'CM1 1NZ', ['kids-club', 't2-group-clinic']),
  // London
  uk('tower-hamlets', 'London', 'London', 'E1 1BJ', ['link-workers', 't2-walking'], {
    local: 'Tower Hamlets',
    phone: LDN,
    linkLanguages: ['bn'],
  }),
  uk('brixton', 'London', 'London', 'SW9 8HE', ['t2-support', 't1-adults'], { local: 'Brixton', phone: LDN }),
  uk('hackney', 'London', 'London', 'E8 1EJ', ['t1-parents', 'ltc-cafe'], { local: 'Hackney', phone: LDN }),
  uk('croydon', 'Croydon', 'London', 'CR0 1NX', ['gestational-group-clinic', 'living-well-course'], { phone: LDN }),
  uk('ealing', 'London', 'London', 'W5 2HL', ['link-workers', 't1-teens'], { local: 'Ealing', phone: LDN, linkLanguages: ['pa', 'pl'] }),
  uk('camden', 'London', 'London', 'NW1 7JE', ['rare-types', 'peer-mentors'], { local: 'Camden', phone: LDN }),
  uk('lewisham', 'London', 'London', 'SE13 6LG', ['kids-club', 't2-group-clinic'], { local: 'Lewisham', phone: LDN }),
  // South East
  uk('brighton', 'Brighton', 'South East', 'BN1 1UG', ['t1-adults', 'ltc-cafe']),
  uk('reading', 'Reading', 'South East', 'RG1 1QH', ['t2-support', 'kids-club'], { phone: '0118 496 0' }),
  uk('oxford', 'Oxford', 'South East', 'OX1 1BX', ['living-well-course', 'gestational-group-clinic']),
  uk('southampton', 'Southampton', 'South East', 'SO14 7DU', ['t1-parents', 't2-walking']),
  uk('portsmouth', 'Portsmouth', 'South East', 'PO1 2DX', ['t2-group-clinic', 'peer-mentors']),
  uk('canterbury', 'Canterbury', 'South East', 'CT1 2RA', ['t2-support']),
  uk('milton-keynes', 'Milton Keynes', 'South East', 'MK9 2FS', ['t1-teens', 't2-support']),
  uk('guildford', 'Guildford', 'South East', 'GU1 3AJ', ['move-more']),
  // South West
  uk('bristol', 'Bristol', 'South West', 'BS1 5TR', ['t1-parents', 't2-walking', 't1-adults', 'gestational-group-clinic'], {
    phone: '0117 496 0',
  }),
  uk('plymouth', 'Plymouth', 'South West', 'PL1 1EA', ['t2-support', 'living-well-course']),
  uk('exeter', 'Exeter', 'South West', 'EX1 1GA', ['t1-teens', 'ltc-cafe']),
  uk('truro', 'Truro', 'South West', 'TR1 2SJ', ['t2-support', 'phone-friends'], { area: 'Cornwall' }),
  uk('bournemouth', 'Bournemouth', 'South West', 'BH1 2BU', ['t2-walking', 'peer-mentors']),
  uk('gloucester', 'Gloucester', 'South West', 'GL1 2EH', ['kids-club', 't2-support']),
  uk('swindon', 'Swindon', 'South West', 'SN1 1LF', ['t2-group-clinic']),
  uk('taunton', 'Taunton', 'South West', 'TA1 1JY', ['ltc-cafe', 'move-more']),
  // Scotland
  uk('edinburgh', 'Edinburgh', 'Scotland', 'EH1 1YZ', ['t1-parents', 't1-adults', 'living-well-course', 'gestational-group-clinic'], {
    phone: '0131 496 0',
  }),
  uk('glasgow', 'Glasgow', 'Scotland', 'G1 1XQ', ['t2-support', 't1-teens', 't2-group-clinic', 'link-workers'], {
    phone: '0141 496 0',
    linkLanguages: ['ur', 'pa'],
  }),
  uk('aberdeen', 'Aberdeen', 'Scotland', 'AB10 1AB', ['t2-walking', 'peer-mentors']),
  uk('dundee', 'Dundee', 'Scotland', 'DD1 1DB', ['t1-parents', 't2-support']),
  uk('inverness', 'Inverness', 'Scotland', 'IV1 1HY', ['t2-support', 'video-group'], { area: 'Highlands' }),
  uk('stornoway', 'Stornoway', 'Scotland', 'HS1 2BA', ['gaidhlig']),
  uk('stirling', 'Stirling', 'Scotland', 'FK8 2ET', ['ltc-cafe', 'kids-club']),
  uk('dumfries', 'Dumfries', 'Scotland', 'DG1 2AA', ['t2-support', 'phone-friends'], { area: 'Dumfries and Galloway' }),
  // Wales
  uk('cardiff', 'Cardiff', 'Wales', 'CF10 1EP', ['t1-parents', 'cymraeg', 't2-group-clinic', 't1-adults']),
  uk('swansea', 'Swansea', 'Wales', 'SA1 3SN', ['t2-support', 'living-well-course', 'gestational-group-clinic']),
  uk('newport', 'Newport', 'Wales', 'NP20 1HG', ['kids-club', 't2-walking']),
  uk('wrexham', 'Wrexham', 'Wales', 'LL11 1AY', ['t2-support', 'peer-mentors']),
  uk('bangor', 'Bangor', 'Wales', 'LL57 1UT', ['cymraeg', 't1-teens']),
  uk('aberystwyth', 'Aberystwyth', 'Wales', 'SY23 2AZ', ['video-group', 'ltc-cafe'], { area: 'Mid Wales' }),
  uk('carmarthen', 'Carmarthen', 'Wales', 'SA31 1JP', ['cymraeg', 't2-walking']),
  // Northern Ireland
  uk('belfast', 'Belfast', 'Northern Ireland', 'BT1 5GS', ['t1-parents', 't2-support', 't1-adults', 'gestational-group-clinic']),
  uk('derry', 'Derry/Londonderry', 'Northern Ireland', 'BT48 6HQ', ['t2-walking', 't1-teens'], { local: 'Foyle' }),
  uk('newry', 'Newry', 'Northern Ireland', 'BT34 1AA', ['t2-support', 'living-well-course']),
  uk('omagh', 'Omagh', 'Northern Ireland', 'BT78 1AA', ['phone-friends', 'kids-club'], { area: 'Fermanagh and Omagh' }),
  uk('ballymena', 'Ballymena', 'Northern Ireland', 'BT43 5AA', ['living-well-course', 'move-more']),

  // United States
  us('manhattan', 'New York', 'New York', '10001', NY, '212', ['t1-adults', 'promotoras', 't2-group-clinic', 'gestational-group-clinic'], {
    local: 'Manhattan',
  }),
  us('brooklyn', 'Brooklyn', 'New York', '11201', NY, '718', ['faith-health', 't1-parents']),
  us('buffalo', 'Buffalo', 'New York', '14202', NY, '716', ['t2-support', 'living-well-course']),
  us('rochester-ny', 'Rochester', 'New York', '14604', NY, '585', ['t2-walking', 'kids-club']),
  us('los-angeles', 'Los Angeles', 'California', '90012', LA, '213', ['promotoras', 't1-teens', 't2-support']),
  us('san-diego', 'San Diego', 'California', '92101', LA, '619', ['t1-parents', 'living-well-course']),
  us('fresno', 'Fresno', 'California', '93721', LA, '559', ['promotoras', 't2-group-clinic']),
  us('oakland', 'Oakland', 'California', '94612', LA, '510', ['faith-health', 'ltc-cafe']),
  us('sacramento', 'Sacramento', 'California', '95814', LA, '916', ['peer-mentors', 'move-more']),
  us('houston', 'Houston', 'Texas', '77002', CHI, '713', ['promotoras', 't1-parents', 'gestational-group-clinic']),
  us('san-antonio', 'San Antonio', 'Texas', '78205', CHI, '210', ['promotoras', 't2-support']),
  us('el-paso', 'El Paso', 'Texas', '79901', DEN, '915', ['promotoras', 't2-group-clinic']),
  us('dallas', 'Dallas', 'Texas', '75201', CHI, '214', ['t1-adults', 'faith-health']),
  us('austin', 'Austin', 'Texas', '78701', CHI, '512', ['t1-teens', 'peer-mentors']),
  us('chicago', 'Chicago', 'Illinois', '60601', CHI, '312', ['t2-support', 'faith-health', 'promotoras', 'kids-club']),
  us('springfield-il', 'Springfield', 'Illinois', '62701', CHI, '217', ['t2-walking']),
  us('atlanta', 'Atlanta', 'Georgia', '30303', NY, '404', ['faith-health', 't1-parents', 'living-well-course']),
  us('savannah', 'Savannah', 'Georgia', '31401', NY, '912', ['t2-support']),
  us('phoenix', 'Phoenix', 'Arizona', '85004', PHX, '602', ['promotoras', 't2-walking']),
  us('tucson', 'Tucson', 'Arizona', '85701', PHX, '520', ['t2-support', 'rare-types']),
  us('denver', 'Denver', 'Colorado', '80202', DEN, '303', ['t1-adults', 'living-well-course']),
  us('albuquerque', 'Albuquerque', 'New Mexico', '87102', DEN, '505', ['promotoras']),
  us('seattle', 'Seattle', 'Washington', '98101', LA, '206', ['t1-parents', 'rare-types']),
  us('miami', 'Miami', 'Florida', '33130', NY, '305', ['promotoras', 't2-group-clinic']),
  us('minneapolis', 'Minneapolis', 'Minnesota', '55401', CHI, '612', ['link-workers', 't2-support'], { linkLanguages: ['so'] }),
];
