package org.vividly.requests;

import java.math.BigDecimal;

/**
 * Usage of one modality in an organization (view {@code modality_usage_summary}).
 *
 * @param requests requests that asked for it
 * @param succeeded requests that got it
 * @param successRate succeeded / finished, 0 to 1; null before any finished
 * @param avgGenerationMs mean time from request to completion of those that got it, in milliseconds
 * @param costUsd summed cost of its stages
 */
public record ModalityUsage(String modality, long requests, long succeeded, long failed, Double successRate, Double avgGenerationMs, BigDecimal costUsd) {}
