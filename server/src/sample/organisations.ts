import type { Group } from 'peer-directory/schema';
import type { SampleContext } from './kind.js';

type Organisation = NonNullable<Group['organisation']>;

const org = (name: string, host: string): Organisation => ({ name, website: `https://${host}.example.org` });

// Invented names; the sample-data test checks none is a real charity's.
const POOLS = {
  families: {
    uk: [org('Lantern Families Network', 'lantern-families'), org('Kindred Diabetes Trust', 'kindred-diabetes')],
    us: [org('Bright Path Families Alliance', 'brightpath-families'), org('Heartland Peer Health', 'heartland-peer')],
  },
  community: {
    uk: [
      org('Open Door Peer Support', 'opendoor-peers'),
      org('Well Together Community Trust', 'welltogether'),
      org('Kindred Diabetes Trust', 'kindred-diabetes'),
    ],
    us: [org('Neighbors in Health Alliance', 'neighbors-in-health'), org('Heartland Peer Health', 'heartland-peer')],
  },
  clinic: {
    uk: [org('Westfield Primary Care Network', 'westfield-pcn'), org('Ashgrove Community Diabetes Service', 'ashgrove-diabetes')],
    us: [org('Bridgeway Community Health Center', 'bridgeway-health'), org('Sunrise Family Clinic Network', 'sunrise-clinics')],
  },
  chw: {
    uk: [org('Saathi Health Project', 'saathi-health'), org('Common Ground Health Partnership', 'commonground-health')],
    us: [org('Caminos de Salud', 'caminos-salud'), org('Faith and Wellness Collaborative', 'faith-wellness')],
  },
} as const;

/** A fictional organisation of the given sort, local to the country of the context. */
export function organisationFor(pool: keyof typeof POOLS, c: SampleContext): Organisation {
  return c.random.pick(POOLS[pool][c.uk ? 'uk' : 'us']);
}

/** Every organisation a sample group may name (for tests). */
export const SAMPLE_ORGANISATIONS: readonly Organisation[] = Object.values(POOLS).flatMap((p) => [...p.uk, ...p.us]);
