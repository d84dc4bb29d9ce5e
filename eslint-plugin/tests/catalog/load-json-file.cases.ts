import { twoShapeCases } from './two-shapes.js';

export const { invalid, valid } = twoShapeCases('load-json-file', 'loadJsonFileSync', 'loadJsonFile', 'loadJsonFile');
