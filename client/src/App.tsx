import { lazy, Suspense, useEffect } from 'react';
import { BoardPage } from './pages/BoardPage';
import { usePathname } from './router';
import { useUi } from './state/ui';

// The start page (with every template's content) loads only when shown, so a board link opens faster.
const StartPage = lazy(() => import('./start/StartPage').then((m) => ({ default: m.StartPage })));

export function App() {
  const path = usePathname();
  const lang = useUi((s) => s.lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const match = /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/.exec(path);
  if (match?.[1]) return <BoardPage key={match[1]} boardId={match[1]} />;
  return (
    <Suspense fallback={null}>
      <StartPage />
    </Suspense>
  );
}
