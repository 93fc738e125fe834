// What a driven day must add up to before its figures mean anything (the demo as a load generator, and the
// load script): every visitor issued a ticket, every ticket called and then finished or skipped, every
// visit at a pad window rated, and no request refused or failed along the way.
import type { Checks } from '../bench-check';
import type { DemoStats } from './driver';

export function checkDriven(checks: Checks, r: DemoStats, planned: number): Checks {
  const errors = Object.entries(r.errors)
    .map(([k, v]) => `${k} ×${v}`)
    .join(', ');
  return checks
    .count('tickets issued to the day’s visitors', r.issued, planned, errors ? `failed requests: ${errors}` : undefined)
    .count('issued tickets called', r.called, r.issued, 'a service with no staffed window leaves its tickets waiting')
    .count('called tickets finished or skipped', r.finished + r.noShows, r.called)
    .count('visits rated by the windows’ MQTT pads', r.rated, r.padFinished)
    .that(!errors, `requests refused or failed: ${errors}`);
}
