// Marked HTML: the only HTML the page accepts is text with <mark> tags.
// Pure functions (no DOM), so Node's test runner can import them.

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

function decodeEntities(text) {
  return text.replace(/&(?:lt|gt|amp|quot|#39);/g, (entity) => ENTITIES[entity]);
}

/**
 * Splits API highlight HTML into [{text, marked}] runs. Anything other
 * than <mark>/</mark> stays literal text, so no markup can get through.
 */
export function markedSegments(html) {
  const segments = [];
  let depth = 0;
  for (const part of String(html || '').split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') depth += 1;
    else if (part === '</mark>') depth = Math.max(0, depth - 1);
    else if (part) segments.push({ text: decodeEntities(part), marked: depth > 0 });
  }
  return segments;
}

/**
 * The server's body_html turns \n, \r and \t into spaces and drops other
 * control characters. Walk the plain body alongside it to recover the
 * paragraphs with their marks; null when the two do not line up.
 */
export function alignMarkedBody(body, html) {
  const flat = [];
  for (const seg of markedSegments(html)) for (const ch of seg.text) flat.push([ch, seg.marked]);
  const paragraphs = [[]];
  let j = 0;
  for (const ch of String(body)) {
    if (ch === '\n' || ch === '\r' || ch === '\t') {
      if (j >= flat.length || flat[j][0] !== ' ') return null;
      j += 1;
      if (ch === '\n') paragraphs.push([]);
      else paragraphs[paragraphs.length - 1].push([' ', false]);
      continue;
    }
    if (/[\u0000-\u001f\u007f-\u009f]/.test(ch)) continue;
    if (j >= flat.length || flat[j][0] !== ch) return null;
    paragraphs[paragraphs.length - 1].push([ch, flat[j][1]]);
    j += 1;
  }
  if (j !== flat.length) return null;
  return paragraphs.map(toRuns);
}

/** [[char, marked]...] → [{text, marked}...] */
function toRuns(chars) {
  const runs = [];
  for (const [ch, marked] of chars) {
    const last = runs[runs.length - 1];
    if (last && last.marked === marked) last.text += ch;
    else runs.push({ text: ch, marked });
  }
  return runs;
}
