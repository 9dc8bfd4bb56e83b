import { type ReactNode, useState } from 'react';

const KEY = 'liaison-log:collapsed-panels';

function readCollapsed(): Set<string> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * A panel of the inquiry page that can be hidden to keep the case in view, its state remembered on this desk for
 * every inquiry (localStorage: the panels' names, nothing about any inquiry). Hidden, it keeps its heading.
 */
export function Collapsible({ name, title, children }: { name: string; title: string; children: ReactNode }) {
  const [collapsed, setCollapsed] = useState(() => readCollapsed().has(name));
  const toggle = () => {
    const all = readCollapsed();
    if (collapsed) all.delete(name);
    else all.add(name);
    localStorage.setItem(KEY, JSON.stringify([...all]));
    setCollapsed(!collapsed);
  };
  if (collapsed)
    return (
      <div className="collapsed-panel">
        <h2>{title}</h2>
        <button type="button" className="link-button" aria-expanded={false} aria-label={`Show ${title}`} onClick={toggle}>
          Show
        </button>
      </div>
    );
  return (
    <div className="collapsible">
      <button type="button" className="link-button collapse-toggle" aria-expanded={true} aria-label={`Hide ${title}`} onClick={toggle}>
        Hide
      </button>
      {children}
    </div>
  );
}
