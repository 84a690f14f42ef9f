import { randomBytes } from 'node:crypto';

/** A readable, unguessable id for a new group: its name as a slug and a random suffix. */
export function newGroupId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  const suffix = randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').slice(0, 8).toLowerCase();
  return slug ? `${slug}-${suffix}` : `group-${suffix}`;
}
