/**
 * React components for every peer-directory element, made with `@lit/react`:
 * properties are set as properties (objects included), and each event has a
 * typed `on…` prop (`onPeerSelect`, `onPeerSubmit`, …), which React 18 cannot
 * give a custom element by itself. Importing this module defines the elements.
 *
 * @example
 * ```tsx
 * import { PeerFinder } from 'peer-directory/react';
 *
 * <PeerFinder api="https://directory.example.org" onPeerSelect={(e) => console.log(e.detail.group.name)} />
 * ```
 * @module
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type { SearchQuery, SearchResult } from '../schema/index.js';
import {
  PeerChecklist as PeerChecklistElement,
  PeerFinder as PeerFinderElement,
  PeerGroupCard as PeerGroupCardElement,
  PeerGroupDetails as PeerGroupDetailsElement,
  PeerGroupForm as PeerGroupFormElement,
  PeerReviewQueue as PeerReviewQueueElement,
  type ChecklistChangeDetail,
  type PeerDecideDetail,
  type PeerSelectDetail,
  type PeerSubmitDetail,
} from '../elements/index.js';

const event = <Detail>(name: string) => name as EventName<CustomEvent<Detail>>;
const wrap = <I extends HTMLElement, E extends Record<string, EventName>>(tagName: string, elementClass: new () => I, events: E) =>
  createComponent({ react: React, tagName, elementClass, events });
const onPeerSelect = event<PeerSelectDetail>('peer-select');
const onPeerChecklistChange = event<ChecklistChangeDetail>('peer-checklist-change');

/** `<peer-finder>`: find groups near a postcode. */
export const PeerFinder = wrap('peer-finder', PeerFinderElement, {
  onPeerSearch: event<SearchQuery>('peer-search'),
  onPeerResults: event<SearchResult>('peer-results'),
  onPeerSelect,
});

/** `<peer-group-card>`: one group in a list. */
export const PeerGroupCard = wrap('peer-group-card', PeerGroupCardElement, { onPeerSelect });

/** `<peer-group-details>`: everything about one group. */
export const PeerGroupDetails = wrap('peer-group-details', PeerGroupDetailsElement, { onPeerChecklistChange });

/** `<peer-group-form>`: register a group, or ask for changes to one. */
export const PeerGroupForm = wrap('peer-group-form', PeerGroupFormElement, { onPeerSubmit: event<PeerSubmitDetail>('peer-submit') });

/** `<peer-checklist>`: the 8 questions to ask about a group. */
export const PeerChecklist = wrap('peer-checklist', PeerChecklistElement, { onPeerChecklistChange });

/** `<peer-review-queue>`: staff moderation. */
export const PeerReviewQueue = wrap('peer-review-queue', PeerReviewQueueElement, { onPeerDecide: event<PeerDecideDetail>('peer-decide') });

export type { ChecklistChangeDetail, PeerDecideDetail, PeerSelectDetail, PeerSubmitDetail };
