import { lazy, Suspense, useEffect } from 'react';
import { BoardPage } from './pages/BoardPage';
import { boardRoute, usePathname } from './router';
import { useUi } from './state/ui';

// The start page (with every template's content) loads only when shown, so a board link opens faster.
const StartPage = lazy(() => import('./start/StartPage').then((m) => ({ default: m.StartPage })));
// The QR sheet and the presenter view bring the QR library: loaded only when opened.
const QrSheet = lazy(() => import('./access/QrSheet').then((m) => ({ default: m.QrSheet })));
const PresenterPage = lazy(() => import('./present/PresenterPage').then((m) => ({ default: m.PresenterPage })));

export function App() {
  const path = usePathname();
  const lang = useUi((s) => s.lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const route = boardRoute(path);
  if (route?.view === 'board') return <BoardPage key={route.boardId} boardId={route.boardId} />;
  if (route)
    return (
      <Suspense fallback={null}>
        {route.view === 'qr' ? <QrSheet key={route.boardId} boardId={route.boardId} /> : <PresenterPage key={route.boardId} boardId={route.boardId} />}
      </Suspense>
    );
  return (
    <Suspense fallback={null}>
      <StartPage />
    </Suspense>
  );
}
