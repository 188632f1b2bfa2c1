/**
 * Evaluation: measures retrieval on BEIR datasets (Thakur et al., NeurIPS 2021) through the same
 * ingestion and retrieval code the library uses, in an organization of its own. Metrics follow
 * trec_eval as BEIR reports them: nDCG@10 with linear gains (Järvelin and Kekäläinen, 2002),
 * MRR@10 and Recall@100.
 */
package org.vividly.evaluation;
