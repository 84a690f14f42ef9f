import puppeteer from 'puppeteer-core';
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const page = await browser.newPage();
await page.setViewport({ width: 1280, height: 800 });
const url = process.argv[2] ?? 'http://127.0.0.1:8477/';
await page.goto(url, { waitUntil: 'networkidle0' });
const active = () => page.evaluate(() => { let a = document.activeElement; const path = []; while (a) { path.push(a.tagName + (a.id ? '#' + a.id : '') + (a.getAttribute('part') ? '[' + a.getAttribute('part') + ']' : '')); a = a.shadowRoot?.activeElement; } return path.join(' > '); });
await page.keyboard.press('Tab');
console.log('1', await active());
await page.keyboard.press('Enter');
await page.waitForFunction(() => location.hash === '#main');
await page.keyboard.press('Tab');
console.log('2', await active());
await page.keyboard.type('LS1 3AB');
await page.keyboard.press('Enter');
await page.waitForFunction(() => document.querySelector('peer-finder').shadowRoot.querySelector('peer-group-card'), { timeout: 15000 });
await new Promise(r => setTimeout(r, 500));
// Tab to the first card's details button
for (let i = 0; i < 60; i++) { await page.keyboard.press('Tab'); const a = await active(); if (a.includes('details-button')) break; }
console.log('3', await active());
await page.keyboard.press('Enter');
await page.waitForFunction(() => document.querySelector('peer-finder').shadowRoot.querySelector('peer-group-details'), { timeout: 15000 });
await new Promise(r => setTimeout(r, 500));
console.log('4', await active(), await page.evaluate(() => location.href));
for (let i = 0; i < 10; i++) { const a = await active(); if (a.includes('[back]')) break; await page.keyboard.down('Shift'); await page.keyboard.press('Tab'); await page.keyboard.up('Shift'); }
console.log('4b', await active());
await page.keyboard.press('Enter');
await new Promise(r => setTimeout(r, 1000));
console.log('5', await active(), await page.evaluate(() => location.href));
await browser.close();
