import { useEffect, useRef, useState } from 'react';

/**
 * Space held = temporary pan tool (as in Miro, Figma, tldraw). The ref is for pointer
 * handlers (read at the press), the state for the cursor.
 */
export function useSpacePan() {
  const spaceDown = useRef(false);
  const [spacePan, setSpacePan] = useState(false);
  useEffect(() => {
    const isField = (el: EventTarget | null) =>
      el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(el.tagName));
    const down = (e: KeyboardEvent) => {
      if (e.code !== 'Space' || isField(e.target) || e.repeat) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      spaceDown.current = true;
      setSpacePan(true);
    };
    const up = (e: KeyboardEvent) => {
      if (e.code !== 'Space') return;
      spaceDown.current = false;
      setSpacePan(false);
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, []);
  return { spaceDown, spacePan };
}
