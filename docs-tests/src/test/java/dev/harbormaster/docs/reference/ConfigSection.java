package dev.harbormaster.docs.reference;

import java.util.List;

/**
 * The fields of one config record at one place of the YAML tree.
 *
 * @param path the YAML path of the record ({@code ""} for the root, {@code rules[]} for the entries
 *     of a list)
 * @param steps the same path as steps, to find the record's occurrences in an example
 * @param type the record
 * @param fields its fields in component order
 */
record ConfigSection(String path, List<Step> steps, Class<?> type, List<ConfigField> fields) {}
