// vectors-2d tasks.
//   vectors2d.transform: compose each shape's scale / rotate / translate in its order and transform
//     its corners (steps, matrices, intermediate stages and final points) — one call per redraw.
//   vectors2d.asteroids: advance the worker's one Asteroids game by one frame; the engine builds every
//     object's matrix and transforms all vertices in one batch, returned as a Float32Array.
import type { AsteroidsGame } from '../../../bindings/mlplay';
import type { Vectors2dTransformed } from '../protocol';
import type { Task } from '.';
import { wholeNumber } from './check';

const MAX_SHAPES = 64;
/** The origin and the unit points on the axes, (0, 0), (1, 0), (0, 1). */
const AXES = new Float32Array([0, 0, 1, 0, 0, 1]);

function finite(task: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${task}: ${name} must be a finite number, got ${JSON.stringify(value)}`);
  }
  return value;
}

export const vectors2dTransform: Task<'vectors2d.transform'> = async (params, { engine }) => {
  const task = 'vectors2d.transform';
  if (!Array.isArray(params.items) || params.items.length > MAX_SHAPES) {
    throw new Error(`${task}: items must be a list of at most ${MAX_SHAPES} shapes`);
  }
  const items: Vectors2dTransformed[] = params.items.map((item, index) => {
    const at = `items[${index}]`;
    // The engine checks the shape name and the order string and says what is wrong with them.
    const model = engine.shapeVertices(String(item.shape));
    const transform = engine.Transform2D.fromOrder(
      String(item.order),
      finite(task, `${at}.rotate`, item.rotate),
      finite(task, `${at}.scaleX`, item.scaleX),
      finite(task, `${at}.scaleY`, item.scaleY),
      finite(task, `${at}.translateX`, item.translateX),
      finite(task, `${at}.translateY`, item.translateY),
    );
    try {
      const steps = Array.from({ length: transform.stepCount() }, (_, k) => ({
        op: transform.stepName(k) as 'scale' | 'rotate' | 'translate',
        matrix: Array.from(transform.stepMatrix(k)),
      }));
      return {
        steps,
        matrix: Array.from(transform.matrix()),
        determinant: transform.determinant(),
        model,
        stages: transform.trace(model),
        points: transform.apply(model),
        axes: transform.apply(AXES),
      };
    } finally {
      transform.delete();
    }
  });
  return { shapeNames: engine.shapeNames(), items };
};

let game: AsteroidsGame | null = null;

export const vectors2dAsteroids: Task<'vectors2d.asteroids'> = async (params, { engine }) => {
  const task = 'vectors2d.asteroids';
  const seed = wholeNumber(task, 'seed', params.seed, 0, 2 ** 32 - 1);
  if (params.reset || !game) {
    game?.delete();
    game = null;
    game = new engine.AsteroidsGame(seed);
  }
  game.step(finite(task, 'dt', params.dt), !!params.left, !!params.right, !!params.thrust, !!params.fire);
  return {
    vertices: game.vertices(),
    counts: game.counts(),
    kinds: game.kinds(),
    shipMatrix: Array.from(game.shipMatrix()),
    shipAngle: game.shipAngle(),
    score: game.score(),
    lives: game.lives(),
    level: game.level(),
    over: game.over(),
    invulnerable: game.invulnerable(),
    asteroids: game.asteroidCount(),
    bullets: game.bulletCount(),
  };
};
