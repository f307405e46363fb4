/**
 * Strict binding of config blocks to records, shared by the host and by plugin tests so both bind
 * exactly alike.
 */
package dev.harbormaster.spi.config;
