import { createDirectoryClient, UnknownPlaceError } from 'peer-directory';

const directory = createDirectoryClient({ baseUrl: process.env.DIRECTORY_URL ?? 'https://directory.example.org' });

// Groups near a postcode, nearest first, and how many meet online or by phone.
const result = await directory.groups.search({ near: 'LS1 4DY', radius: 10 });
for (const group of result.groups) {
  console.log(`${group.name}: ${group.distance.toFixed(1)} ${result.units}`);
}
console.log(`${result.everywhere?.total ?? 0} groups meet online or by telephone`);

// The whole group, with its answers to the 8 questions.
const group = await directory.groups.get(result.groups[0]!.id);
console.log(`Cost: ${group.answers.cost.details}`);

// A postcode nobody knows is an error that names the field.
try {
  await directory.groups.search({ near: 'ZZ99 9ZZ' });
} catch (error) {
  if (error instanceof UnknownPlaceError) console.log(`Not found: ${error.errors[0]?.pointer}`);
  else throw error;
}
