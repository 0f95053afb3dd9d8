import { useEffect } from 'react';
import { BoardPage } from './board/BoardPage';
import { usePathname } from './router';
import { StartPage } from './start/StartPage';
import { useUi } from './state/ui';

export function App() {
  const path = usePathname();
  const lang = useUi((s) => s.lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const match = /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/.exec(path);
  if (match?.[1]) return <BoardPage key={match[1]} boardId={match[1]} />;
  return <StartPage />;
}
