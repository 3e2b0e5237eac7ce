import { describe, expect, it } from 'vitest';
import { bibKeyOf, slugOfTitle } from '../../src/scaffold/slug.js';

describe('slugOfTitle', () => {
  it.each([
    ['Does SGD Really Happen in Tiny Subspaces?', 'does-sgd-really-happen-in-tiny-subspaces'],
    ['Kovačević’s Über-Theorem', 'kovacevic-s-uber-theorem'],
    ['  Paper accepted: "ICML 2025"!  ', 'paper-accepted-icml-2025'],
    ['机器学习', ''],
    [
      'A very long title that goes on and on about optimization, stability and the implicit bias of everything',
      'a-very-long-title-that-goes-on-and-on-about-optimization',
    ],
    ['Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(2), 'pneumonoultramicroscopicsilicovolcanoconiosispneumonoultrami'],
  ])('%j → %j', (title, slug) => {
    expect(slugOfTitle(title)).toBe(slug);
  });
});

describe('bibKeyOf', () => {
  it.each([
    ['Does SGD Really Happen in Tiny Subspaces?', '2025', 'sgd-really-happen-2025'],
    ['On the Implicit Bias of Adam', '2026', 'implicit-bias-adam-2026'],
    ['What Is It?', '2024', 'it-2024'],
    ['On the', '2024', 'on-the-2024'],
    ['Sharpness', '2021', 'sharpness-2021'],
  ])('%j, %s → %s', (title, year, key) => {
    expect(bibKeyOf(title, year)).toBe(key);
  });
});
