import type { TextPart } from '../lib/fold';

/** Text with its matching parts in `<mark>`. Plain React text nodes: nothing is parsed as HTML. */
export function Marked({ parts }: { parts: readonly TextPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.match ? (
          <mark key={i} className="ombud-mark">
            {p.text}
          </mark>
        ) : (
          p.text
        ),
      )}
    </>
  );
}
