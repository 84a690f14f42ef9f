/**
 * Every peer-directory element, defined: importing this module registers
 * `<peer-finder>`, `<peer-group-card>`, `<peer-group-details>`,
 * `<peer-group-form>`, `<peer-checklist>` and `<peer-review-queue>`, and
 * exports their classes and event `detail` types. Each definition is
 * guarded, so also importing an element's own entry
 * (`peer-directory/elements/finder.js`, which defines only what that element
 * needs) defines nothing twice. The SDK entry, `peer-directory`, defines none.
 * @module
 */
export * from './checklist.js';
export * from './finder.js';
export * from './group-card.js';
export * from './group-details.js';
export * from './group-form.js';
export * from './review-queue.js';
