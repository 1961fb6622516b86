/**
 * The Okabe–Ito palette: eight colours that stay distinguishable with every common form of
 * colour blindness. Charts never rely on colour alone (legends, tooltips and the data table
 * carry the names), but the colours themselves must not collide either.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

export type PaletteColour = keyof typeof OKABE_ITO;

/** Series colours in the order charts use them: strong contrasts first. */
export const SERIES: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.skyBlue,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.yellow,
  OKABE_ITO.black,
];

/** Grey for "other" and for axes: not one of the data colours. */
export const NEUTRAL = '#8a94a3';
