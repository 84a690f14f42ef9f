import type { Random } from './prng.js';

/** The sorts of places groups meet in. */
export type VenueKind =
  | 'community-centre'
  | 'library'
  | 'church-hall'
  | 'health-centre'
  | 'hospital'
  | 'cafe'
  | 'park'
  | 'faith-centre'
  | 'leisure-centre'
  | 'church';

/** A made-up venue: a name and a street address. */
export interface Venue {
  venue: string;
  address: string;
}

// Every name here is invented; common words make them plausible anywhere.
const PLACE_WORDS = [
  'Riverside',
  'Oakfield',
  'Brookside',
  'Hillcrest',
  'Meadowbank',
  'Elm Grove',
  'Parkside',
  'Willowbrook',
  'Ashdown',
  'Fairview',
  'Kingsmead',
  'Westfield',
  'Northgate',
  'Southmead',
  'Greenbank',
  'Holly Lane',
];
const SAINTS = ['Aidan', 'Columba', 'Hilda', 'Luke', 'Michael', 'Brigid', 'Andrew', 'Ninian', 'Cuthbert', 'Teilo'];
const UK_STREETS = [
  'Station Road',
  'Church Street',
  'Mill Lane',
  'Victoria Road',
  'Park Avenue',
  'Queen Street',
  'Chapel Row',
  'Market Street',
  'Orchard Way',
  'Canal Side',
];
const US_STREETS = [
  'Maple Avenue',
  'Oak Street',
  'Cedar Boulevard',
  'Pine Street',
  'Lincoln Avenue',
  'Washington Street',
  'Elm Drive',
  'Park Road',
  'Mission Street',
  'Second Avenue',
];
const CAFES = ['Teapot', 'Green Door', 'Corner Table', 'Lantern', 'Kettle and Crumb', 'Good Neighbour'];
const FAITH_UK = ['Milap Community Hall', 'Ekta Centre community rooms', 'Sangat Hall', 'Noor Community Rooms'];
const FAITH_US = ['Grace Fellowship Hall', 'New Hope Fellowship Hall', 'Mount Zion Fellowship Hall', 'Cornerstone Family Life Center'];

/** A venue of the kind asked for, with a name and address made up from common words. */
export function makeVenue(kind: VenueKind, uk: boolean, random: Random): Venue {
  const word = random.pick(PLACE_WORDS);
  const address = `${random.int(2, uk ? 180 : 2400)} ${random.pick(uk ? UK_STREETS : US_STREETS)}`;
  switch (kind) {
    case 'community-centre':
      return { venue: uk ? `${word} Community Centre` : `${word} Community Center`, address };
    case 'library':
      return {
        venue: uk
          ? `${word} Library, ${random.pick(['Community Room', 'Meeting Room 2', 'the upstairs room'])}`
          : `${word} Branch Library, Community Room`,
        address,
      };
    case 'church-hall':
      return { venue: `St ${random.pick(SAINTS)}'s Church Hall`, address };
    case 'church':
      return { venue: uk ? `St ${random.pick(SAINTS)}'s Church Hall` : random.pick(FAITH_US), address };
    case 'health-centre':
      return {
        venue: uk
          ? `${word} Health Centre, ${random.pick(['group room', 'education room', 'first-floor meeting room'])}`
          : `${word} Community Health Center, Room B`,
        address,
      };
    case 'hospital':
      return {
        venue: uk
          ? `${word} Hospital, antenatal clinic (${random.pick(['blue', 'green', 'yellow'])} entrance)`
          : `${word} Medical Center, Women's Health Suite`,
        address,
      };
    case 'cafe':
      return { venue: `The ${random.pick(CAFES)} Café`, address };
    case 'park':
      return { venue: `${word} Park: meet at the café by the main gate`, address };
    case 'faith-centre':
      return { venue: uk ? random.pick(FAITH_UK) : random.pick(FAITH_US), address };
    case 'leisure-centre':
      return { venue: uk ? `${word} Leisure Centre, studio 2` : `${word} Recreation Center, multipurpose room`, address };
  }
}
