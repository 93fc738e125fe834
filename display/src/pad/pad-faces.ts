// The five rating faces, drawn (emoji fonts differ between tablets).
import { svg } from 'lit';
import type { Level } from '../../../server/domain/evaluation';

/** A drawn face per level (emoji fonts differ between tablets): the mouth bends from smile to frown. */
const MOUTH: Record<Level, number> = {
  very_satisfied: 22,
  satisfied: 12,
  basic: 0,
  dissatisfied: -12,
  very_dissatisfied: -22,
};
const COLOUR: Record<Level, string> = {
  very_satisfied: '#1b7f3b',
  satisfied: '#4c9a2a',
  basic: '#b08900',
  dissatisfied: '#d9631e',
  very_dissatisfied: '#b3261e',
};
export const face = (l: Level) => svg`<svg viewBox="0 0 100 100" width="64" height="64" aria-hidden="true">
  <circle cx="50" cy="50" r="44" fill="none" stroke=${COLOUR[l]} stroke-width="7" />
  <circle cx="35" cy="40" r="6" fill=${COLOUR[l]} /><circle cx="65" cy="40" r="6" fill=${COLOUR[l]} />
  <path d="M30 ${66 - MOUTH[l] / 2} Q50 ${66 + MOUTH[l]} 70 ${66 - MOUTH[l] / 2}" fill="none" stroke=${COLOUR[l]}
    stroke-width="7" stroke-linecap="round" />
</svg>`;
