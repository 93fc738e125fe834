// Clerks' photos (issue 21), one row per distinct picture, named by its content's hash: storing the same
// picture twice keeps one row, and every saved configuration version that points at a photo still finds it.
import type { PhotoType } from '../domain/photo';
import type { Db } from './db';

export interface Photo {
  type: PhotoType;
  data: Buffer;
}

export class PhotoStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      put: db.prepare('INSERT OR IGNORE INTO photos (id, type, data, saved_at) VALUES (?, ?, ?, ?)'),
      get: db.prepare<[string], Photo>('SELECT type, data FROM photos WHERE id = ?'),
    };
  }

  put(id: string, p: Photo, at: number): void {
    this.s.put.run(id, p.type, p.data, at);
  }

  get(id: string): Photo | null {
    return this.s.get.get(id) ?? null;
  }
}
