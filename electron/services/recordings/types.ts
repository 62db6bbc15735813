/** The recordings data shapes are part of the contract (shared with the renderer); re-exported here. */
export type * from '../../contract/recordings';
