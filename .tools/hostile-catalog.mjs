// Writes a hostile fixture catalog in the Rolling Stones format: titles and
// album names that are markup, script, template syntax, quotes, backslashes
// and markdown, on rows of plausible audio features (three sound families,
// so the clustering has something to find). Deterministic: the same call
// writes the same bytes. The strings the reports must show as text are
// exported for the safety check.
//
// Usage: node hostile-catalog.mjs OUT.csv [ROWS]   (ROWS defaults to 60)
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

// HOSTILE_TITLES are song titles; each appears once unchanged.
export const HOSTILE_TITLES = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '{{7*7}}',
  "(I Can't Get No) Satisfaction",
  'Back\\slash \\\\ C:\\new\\table\\',
  'Pipe | star * under_score _ tick ` end',
  '"><svg onload=alert(1)>',
  '${7*7} #{7*7} <%= 7*7 %>',
  '<b>not bold</b> &amp; &lt;tag&gt;',
  "'; alert(1); //",
  'javascript:alert(1)',
  '**Bold** [link](javascript:alert(1)) <!-- comment -->',
];

// HOSTILE_ALBUMS are album names, shared by several rows each.
export const HOSTILE_ALBUMS = [
  '<img src=x onerror=alert(2)>',
  '</script><script>alert(2)</script> Live',
  '{{7*7}} Sessions',
  'Sticky | Fingers *Deluxe* _Edition_ `2015`',
  "Let It Bleed \\ (50th Anniversary) 'Remastered'",
];

// mulberry32 is a small seeded generator: the fixture must not change
// between runs.
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const csvField = (v) => {
  const s = String(v);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
};

// hostileCatalog returns the CSV text of a catalog of n rows.
export function hostileCatalog(n = 60) {
  const rand = mulberry32(20240611);
  const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
  const around = (m, s, lo, hi) => clamp(m + s * (rand() + rand() + rand() - 1.5), lo, hi);
  const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const ids = new Set();
  const newId = () => {
    for (;;) {
      let id = '';
      for (let i = 0; i < 22; i++) id += base62[Math.floor(rand() * 62)];
      if (!ids.has(id)) { ids.add(id); return id; }
    }
  };
  // Three sound families: live rock, studio rock, ballads.
  const families = [
    { acousticness: 0.2, danceability: 0.35, energy: 0.92, liveness: 0.8, loudness: -5, speechiness: 0.08, tempo: 135, valence: 0.45 },
    { acousticness: 0.15, danceability: 0.6, energy: 0.7, liveness: 0.15, loudness: -7, speechiness: 0.04, tempo: 120, valence: 0.75 },
    { acousticness: 0.75, danceability: 0.45, energy: 0.3, liveness: 0.12, loudness: -12, speechiness: 0.035, tempo: 90, valence: 0.3 },
  ];
  const suffixes = ['', ' - Live', ' - Remastered 2009', ' - Demo', ' (Mono)'];
  const header = ['number_row', 'name', 'album', 'release_date', 'track_number', 'id', 'uri', 'acousticness',
    'danceability', 'energy', 'instrumentalness', 'liveness', 'loudness', 'speechiness', 'tempo', 'valence',
    'popularity', 'duration_ms'];
  const lines = [header.join(',')];
  for (let i = 0; i < n; i++) {
    const f = families[i % families.length];
    const title = HOSTILE_TITLES[i % HOSTILE_TITLES.length] + suffixes[Math.floor(i / HOSTILE_TITLES.length) % suffixes.length];
    const a = Math.floor(i / 3) % HOSTILE_ALBUMS.length;
    const album = HOSTILE_ALBUMS[a];
    // One release date per album, as a real catalog has: its tracks are
    // one release (of some 24 tracks), so the album steps apply.
    const date = `${1 + a}/${1 + ((a * 5) % 28)}/${1964 + ((a * 13) % 57)}`;
    const id = newId();
    const row = [i, title, album, date, 1 + (i % 12), id, `spotify:track:${id}`,
      around(f.acousticness, 0.2, 0, 1).toFixed(4), around(f.danceability, 0.15, 0, 1).toFixed(3),
      around(f.energy, 0.15, 0, 1).toFixed(3), around(0.05, 0.08, 0, 1).toFixed(5),
      around(f.liveness, 0.15, 0, 1).toFixed(3), around(f.loudness, 3, -60, 0).toFixed(3),
      around(f.speechiness, 0.03, 0, 1).toFixed(4), around(f.tempo, 20, 50, 220).toFixed(3),
      around(f.valence, 0.2, 0, 1).toFixed(3),
      // The unchanged hostile titles are the most popular songs, so they
      // reach the "most popular" tables.
      i < HOSTILE_TITLES.length ? 70 + (i % 12) : Math.round(around(35, 30, 0, 69)),
      Math.round(around(240000, 90000, 90000, 600000))];
    lines.push(row.map(csvField).join(','));
  }
  return lines.join('\n') + '\n';
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out, rows] = process.argv.slice(2);
  if (!out) {
    console.error('usage: hostile-catalog.mjs OUT.csv [ROWS]');
    process.exit(2);
  }
  writeFileSync(out, hostileCatalog(rows ? Number(rows) : 60));
}
