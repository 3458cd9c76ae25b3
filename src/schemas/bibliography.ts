import { z } from 'astro/zod';

/**
 * The bibliography (content/bibliography.yaml): every work the edition cites, once, with the id
 * that notes (`[text](source:<id>)`), entries (`sources: - source: <id>`) and a document's
 * `relatedRecords` cite it by. And the hosts that may never be cited
 * (content/blocked-hosts.yaml): sites that copy other sites, with the reason for each.
 */

/** What a work is, and so what it may support: see docs/sources.md. */
export const workKinds = ['primary', 'scholarly', 'reference'] as const;
export type WorkKind = (typeof workKinds)[number];

/** The kinds that may carry a claim of substance on their own; a `reference` work may only stand beside one. */
export const substantiveKinds: ReadonlySet<WorkKind> = new Set(['primary', 'scholarly']);

/** How readers see each kind next to a citation. */
export const workKindLabels: Record<WorkKind, string> = {
  primary: 'primary source',
  scholarly: 'scholarship',
  reference: 'reference',
};

/** Unknown fields are typos until proven otherwise: say so instead of dropping them. */
const unknownFields = (keys: readonly string[] | undefined, file: string) =>
  `Unknown field${(keys?.length ?? 0) > 1 ? 's' : ''} ${keys?.map((key) => `"${key}"`).join(', ')}: check the spelling (the fields are described in ${file}).`;

const text = (what: string) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? `${what} is required.` : `${what} must be text (in quotes if in doubt).`),
    })
    .trim()
    .min(1, { error: `${what} must not be empty.` });

/** Ids and slugs: what URLs and links are made of. */
const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An id of the bibliography, as a citation names it. */
export const workId = (what: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `${what} is required: the id of a work in content/bibliography.yaml.`
          : `${what} must be the id of a work in content/bibliography.yaml, e.g. "frus-1958-60v19-d30".`,
    })
    .regex(kebab, {
      error: `${what} must be the id of a work in content/bibliography.yaml: lowercase letters, digits and single hyphens, e.g. "frus-1958-60v19-d30".`,
    });

/** One host that may not be cited, with why. */
export const blockedHostSchema = z.strictObject(
  {
    /**
     * The host name, lowercase, without scheme, port or path, e.g. "wikimili.com". It blocks
     * itself and every subdomain (`wikimili.com` blocks `m.wikimili.com`).
     */
    host: z
      .string({ error: 'host is required: a host name such as "wikimili.com" (no https://, no path).' })
      .regex(/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]*[a-z][a-z0-9-]*$/, {
        error: 'host must be a lowercase host name such as "wikimili.com": no "https://", no port, no path.',
      }),
    /** One line saying what the site is and why it cannot be cited, e.g. "copies Wikipedia articles". */
    why: text('why (what the site is and why it may not be cited)'),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? unknownFields(issue.keys, 'src/schemas/bibliography.ts') : 'Each entry must be a group of fields: host and why.',
  },
);

export type BlockedHost = z.infer<typeof blockedHostSchema>;

/** The blocked host that `hostname` is or is a subdomain of, if any. */
export function blockingHost(hostname: string, blocked: readonly BlockedHost[]): BlockedHost | undefined {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return blocked.find(({ host }) => name === host || name.endsWith(`.${host}`));
}

/** An address given as numbers (IPv4, or IPv6 in brackets) names a machine, not a publisher. */
function isIpAddress(hostname: string): boolean {
  return hostname.startsWith('[') || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(hostname);
}

/**
 * An explicit port, even the default one, read from the text: the URL parser drops `:443`, and
 * a port in a citation is a sign of a copy served from somebody's machine.
 */
function hasExplicitPort(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(?:\[[^\]]*\]|[^:/?#]*):/i.test(url);
}

/** Why a url may not be cited, or undefined when it may. */
export function urlProblem(url: string, blocked: readonly BlockedHost[]): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `url must be a full address, e.g. "https://history.state.gov/historicaldocuments/frus1958-60v19/d30".`;
  }
  if (parsed.protocol !== 'https:') {
    return `url must start with "https://": the publisher's own secure address (found ${JSON.stringify(`${parsed.protocol}//`)}). If the publisher serves the page over https, write that; if it does not, cite the work from a publisher that does.`;
  }
  if (isIpAddress(parsed.hostname)) {
    return `url names a bare IP address (${parsed.hostname}), not a publisher: find the work at its publisher's own address.`;
  }
  if (hasExplicitPort(url)) {
    return `url has an explicit port (${parsed.host.includes(':') ? parsed.host : `${parsed.hostname}:443`}): a publisher serves its pages at the ordinary address. Cite the publisher's own address, without a port.`;
  }
  const host = blockingHost(parsed.hostname, blocked);
  if (host) {
    return `url is on ${host.host}, which may not be cited (${host.why}; content/blocked-hosts.yaml). Cite the original at its publisher's address, or leave the fact out and record it in "unverified".`;
  }
  return undefined;
}

/**
 * One work of the bibliography, checked against the blocked hosts. Built per run, because the
 * list of blocked hosts is content.
 */
export function workSchema(blocked: readonly BlockedHost[] = []) {
  return z
    .strictObject(
      {
        /**
         * Permanent id, kebab-case, unique in the file. Conventions, so that two people pick the
         * same id: FRUS `frus-<volume slug of the URL>-d<n>` (`frus-1958-60v19-d30`); Wilson
         * Center Digital Archive `wcda-<last path segment>`; CWIHP `cwihp-wp-<n>`,
         * `cwihp-bulletin-<issue>-<first author>`; UN `un-<symbol>`; a book or article
         * `<first author>-<year>-<first significant title word>`; otherwise `<publisher>-<slug>`.
         */
        id: z
          .string({ error: 'id is required: a kebab-case id such as "frus-1958-60v19-d30".' })
          .regex(kebab, { error: 'id may hold only lowercase letters, digits and single hyphens, e.g. "frus-1958-60v19-d30".' }),
        /**
         * `primary`: an archival record or a document of the time (FRUS, the Wilson Center Digital
         * Archive's documents, UN documents, Hansard, official statements, treaties, newspapers
         * of the day). `scholarly`: a monograph, a peer-reviewed article, a university-press
         * chapter, a CWIHP Bulletin article or Working Paper. `reference`: an encyclopedia,
         * dictionary, authority file or gazetteer, which may stand beside a primary or scholarly
         * source but never alone.
         */
        kind: z.enum(workKinds, {
          error: (issue) =>
            issue.input === undefined
              ? 'kind is required: primary, scholarly or reference (see docs/sources.md).'
              : `kind must be primary, scholarly or reference (found ${JSON.stringify(issue.input)}; see docs/sources.md).`,
        }),
        /**
         * The full reference as a reader would cite it, in one string: author(s), title,
         * publication or collection, date; for FRUS the volume and document number.
         */
        title: text('title (the full reference, as a reader would cite it)'),
        /**
         * The publisher's own address, https://: never a mirror, a copy, a bare IP address or a
         * port. Required unless `document` is given.
         */
        url: z
          .string({ error: 'url must be text: the publisher’s own address, "https://…".' })
          .trim()
          .superRefine((url, context) => {
            const problem = urlProblem(url, blocked);
            if (problem) context.addIssue({ code: 'custom', message: problem });
          })
          .optional(),
        /**
         * Instead of `url`: the slug of a document of this edition, for a record this edition
         * publishes (a primary source for what it says).
         */
        document: z
          .string({ error: 'document must be the slug of a document of this edition, e.g. "antonov-mao-1959-10-14".' })
          .regex(kebab, { error: 'document must be the slug of a document of this edition, e.g. "antonov-mao-1959-10-14".' })
          .optional(),
      },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownFields(issue.keys, 'src/schemas/bibliography.ts') : undefined) },
    )
    .superRefine((work, context) => {
      if (work.url === undefined && work.document === undefined) {
        context.addIssue({
          code: 'custom',
          path: [],
          message: `"${work.id}" needs a url (the publisher's own address) or, for a record of this edition, document (its slug).`,
        });
      } else if (work.url !== undefined && work.document !== undefined) {
        context.addIssue({
          code: 'custom',
          path: ['document'],
          message: `"${work.id}" has both url and document: give url for a work elsewhere, document for a record of this edition, not both.`,
        });
      }
    });
}

export type Work = z.infer<ReturnType<typeof workSchema>>;
