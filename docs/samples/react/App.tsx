import { useState } from 'react';
import { PeerFinder } from 'peer-directory/react';

export function App() {
  const [count, setCount] = useState<number>();
  return (
    <main>
      <h1>Find a peer-support group</h1>
      <PeerFinder api="https://directory.example.org" radius={10} onPeerResults={(event) => setCount(event.detail.groups.length)} />
      {count !== undefined && <p role="status">{count} groups nearby</p>}
    </main>
  );
}
