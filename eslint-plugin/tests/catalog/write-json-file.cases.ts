import { twoShapeCases } from './two-shapes.js';

export const { invalid, valid } = twoShapeCases('write-json-file', 'writeJsonFileSync', 'writeJsonFile', 'writeJsonFile');
