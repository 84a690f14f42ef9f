// What a React story needs, bundled with one React version by
// react-bundles-plugin.mjs: React itself, createRoot, and peer-directory/react
// built against that React.
import * as React from 'react';

export { React };
export { createRoot, type Root } from 'react-dom/client';
export { flushSync } from 'react-dom';
export * from '../../src/react/index.js';
