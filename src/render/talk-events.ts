import type { SiteConfig } from '../config/site.js';
import type { Talk } from '../model/site.js';
import { safeJson } from './helpers/json.js';

/**
 * schema.org `Event` JSON-LD, one per delivery of a talk, serialised so no field can close the
 * script element. A delivery marked remote (location "Remote", "Online", "Virtual") is an online event.
 */
export function talkEventsJson(talk: Talk, site: SiteConfig): string | undefined {
  const url = `${site.origin}${site.basePath}${talk.url}`;
  const events = talk.deliveries
    .filter((d) => d.date)
    .map((d) => {
      const online = /^(remote|online|virtual)\b/i.test(d.location ?? '');
      return {
        '@context': 'https://schema.org',
        '@type': 'Event',
        name: `${talk.title} (${d.event})`,
        startDate: d.date,
        eventAttendanceMode: `https://schema.org/${online ? 'Online' : 'Offline'}EventAttendanceMode`,
        eventStatus: 'https://schema.org/EventScheduled',
        location: online ? { '@type': 'VirtualLocation', url: d.url ?? url } : { '@type': 'Place', name: d.event, ...(d.location ? { address: d.location } : {}) },
        performer: { '@type': 'Person', name: site.author.name },
        organizer: { '@type': 'Organization', name: d.event, ...(d.url ? { url: d.url } : {}) },
        url,
        ...(d.kind ? { description: d.kind } : {}),
      };
    });
  return events.length ? safeJson(events) : undefined;
}
