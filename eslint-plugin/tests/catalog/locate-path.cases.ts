import { twoShapeCases } from './two-shapes.js';

export const { invalid, valid } = twoShapeCases('locate-path', 'locatePathSync', 'locatePath', 'locatePath');
