// The classroom's narration and predict game, which Classroom (classroom.ts) loads when
// narration, presenter mode or predict mode is first turned on.
export { NarrationIndex, narrate } from './narration';
export { PredictView } from './predict-view';
