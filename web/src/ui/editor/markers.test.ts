import { describe, expect, it } from 'vitest';
import { TaskState } from '../../player/states';
import { chipText } from './markers';

describe('task chips', () => {
  it('write only the task name: the state mark is drawn, so no font needs a symbol glyph', () => {
    for (const state of [TaskState.Unborn, TaskState.Ready, TaskState.Running, TaskState.Waiting, TaskState.Done]) {
      const text = chipText({ line: 3, task: 1, name: 'worker-1', colorIndex: 0, state, detail: '' });
      expect(text).toBe('worker-1');
    }
  });
});
