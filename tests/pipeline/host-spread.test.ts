import { describe, expect, test } from 'vitest';
import { hostDelaysMs, hostRanks, interleaveByHost } from '../../src/pipeline/host-spread.js';

const urls = ['http://a.ml/1', 'http://a.ml/2', 'http://b.ma/1', 'http://a.ml/3', 'http://b.ma/2', 'http://c.dz/1'];

describe('spreading work across hosts', () => {
  test('ranks count per host in input order', () => {
    expect(hostRanks(urls)).toEqual([0, 1, 0, 2, 1, 0]);
  });

  test('the k-th article of a host waits k gaps; no gap means no delay', () => {
    expect(hostDelaysMs(urls, 250)).toEqual([0, 250, 0, 500, 250, 0]);
    expect(hostDelaysMs(urls, 0)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  test('interleaving takes one of each host in turn and keeps each host in order', () => {
    expect(interleaveByHost(urls, (u) => u)).toEqual([
      'http://a.ml/1', 'http://b.ma/1', 'http://c.dz/1', 'http://a.ml/2', 'http://b.ma/2', 'http://a.ml/3',
    ]);
  });

  test('ports are part of the host: two servers on one address are two hosts', () => {
    expect(hostRanks(['http://127.0.0.1:8001/a', 'http://127.0.0.1:8002/a'])).toEqual([0, 0]);
  });
});
