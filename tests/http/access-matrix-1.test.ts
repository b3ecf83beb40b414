import { describeAccessMatrix } from "../support/access-matrix.js";

describeAccessMatrix(0, 3);
