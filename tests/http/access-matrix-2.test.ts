import { describeAccessMatrix } from "../support/access-matrix.js";

describeAccessMatrix(1, 3);
