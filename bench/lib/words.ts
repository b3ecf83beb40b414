/**
 * Vocabulary for the search benchmark's generated documents: the forum's own terms, everyday English,
 * and a long tail of made-up words, drawn with a skewed (roughly Zipf-like) distribution so that some
 * words match a large share of documents and most match few, as in real text.
 */
const domain = `lunar moon mars orbit orbital surface rover lander habitat crew astronaut robotic mission missions
exploration roadmap agency agencies space station gateway regolith volatiles ice water polar crater
south pole sample return launch vehicle propulsion power nuclear solar thermal radiation shielding
life support telescope science scientific instrument payload cargo logistics docking rendezvous
communications relay navigation landing ascent descent entry asteroid comet small bodies cislunar
low earth leo international cooperation coordination forum secretariat chair working group meeting
technology technologies assessment white paper annual report supplement edition scenario architecture
infrastructure commercial partner partners industry investment sustainability strategy objectives
capability capabilities demonstration precursor analogue analog simulation health medicine dust
mobility drilling excavation resource utilization isru oxygen hydrogen fuel depot cryogenic storage
autonomy robotics teleoperation spacesuit pressurized unpressurized outpost base infrastructure`;

const common = `the of and to in a is that for on with as by at from this be are was were it an which have has
not also more their they will its other these been can all new one two three first would about into
such between over after most some work than them time may through where during both each under while
year years well only many those very including what when who how same because before being made
use used using part order make long high different important within however based around number`;

const syllables = [
  "ka",
  "lo",
  "mi",
  "ra",
  "ven",
  "tor",
  "si",
  "pa",
  "dun",
  "el",
  "qua",
  "zor",
  "bi",
  "fen",
  "gal",
  "ix",
];

function madeUp(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = "";
    let k = i + 7;
    for (let j = 0; j < 3; j++) {
      w += syllables[k % syllables.length];
      k = Math.floor(k / syllables.length) + j * 5;
    }
    out.push(w + (i % 13 === 0 ? "ite" : ""));
  }
  return out;
}

/** The vocabulary, most frequent first. */
export const vocabulary = [...common.split(/\s+/), ...domain.split(/\s+/), ...madeUp(4000)].filter(
  (w, i, all) => w && all.indexOf(w) === i,
);

/** A small deterministic random generator (mulberry32), so runs are comparable. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A word drawn with a skew towards the front of the vocabulary. */
export const word = (rnd: () => number) => vocabulary[Math.floor(vocabulary.length * rnd() ** 3)]!;

/** `n` words as sentences. */
export function sentences(rnd: () => number, n: number): string {
  const parts: string[] = [];
  let sentence: string[] = [];
  for (let i = 0; i < n; i++) {
    sentence.push(word(rnd));
    if (sentence.length > 8 + rnd() * 14 || i === n - 1) {
      const s = sentence.join(" ");
      parts.push(`${s[0]!.toUpperCase()}${s.slice(1)}.`);
      sentence = [];
    }
  }
  return parts.join(" ");
}

/** A title-like phrase of 3 to 8 capitalised words. */
export function titleOf(rnd: () => number): string {
  const n = 3 + Math.floor(rnd() * 6);
  return Array.from({ length: n }, () => word(rnd))
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(" ");
}
