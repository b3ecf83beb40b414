import { describeAccessMatrix } from "../support/access-matrix.js";

describeAccessMatrix(2, 3);
