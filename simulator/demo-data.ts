import type { Service } from './service.js';
import { projectPath } from './paths.js';
import { readFixtureFile } from './fixtures/fixture.js';
import { seedFixture } from './fixtures/seed.js';

/** The demo data of `npm start` is one fixture like any other (simulator/fixtures/demo.json), seeded through the domain. */
export const DEMO_FIXTURE = projectPath('simulator', 'fixtures', 'demo.json');

export async function seedDemo(service: Service): Promise<void> {
  await seedFixture(service, readFixtureFile(DEMO_FIXTURE), DEMO_FIXTURE);
}
