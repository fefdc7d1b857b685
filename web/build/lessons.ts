// Reads lessons/<slug>/lesson.json (title, track, order, summary, engine sources) and lessons/tracks.json.
import fs from 'node:fs';
import path from 'node:path';

export interface LessonMeta {
  slug: string;
  title: string;
  track: number;
  order: number;
  summary: string;
  sources: string[];
}

export function readLessons(root: string): LessonMeta[] {
  const dir = path.resolve(root, 'lessons');
  return fs
    .readdirSync(dir, { withFileTypes: true })
    // A lesson exists once it has both its metadata and its page.
    .filter(
      (entry) =>
        entry.isDirectory() &&
        fs.existsSync(path.join(dir, entry.name, 'lesson.json')) &&
        fs.existsSync(path.join(dir, entry.name, 'index.html')),
    )
    .map((entry) => {
      const meta = JSON.parse(fs.readFileSync(path.join(dir, entry.name, 'lesson.json'), 'utf8')) as LessonMeta;
      if (meta.slug !== entry.name) throw new Error(`lessons/${entry.name}/lesson.json: slug is '${meta.slug}'`);
      for (const file of meta.sources) {
        if (!fs.existsSync(path.resolve(root, file))) throw new Error(`lessons/${entry.name}: source ${file} does not exist`);
      }
      return meta;
    });
}

export function readTracks(root: string): Map<number, string> {
  const list = JSON.parse(fs.readFileSync(path.resolve(root, 'lessons/tracks.json'), 'utf8')) as { id: number; title: string }[];
  return new Map(list.map((t) => [t.id, t.title]));
}

/** Every page the site builds: the home page and each lesson's index.html. */
export function pageInputs(root: string): Record<string, string> {
  const inputs: Record<string, string> = { index: path.resolve(root, 'index.html') };
  for (const lesson of readLessons(root)) inputs[`lessons/${lesson.slug}`] = path.resolve(root, 'lessons', lesson.slug, 'index.html');
  return inputs;
}
