/**
 * A small parser of Dockerfiles (instructions, stages, exec and shell forms, flags), enough to
 * check the images' invariants without a Docker engine.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/">Dockerfile reference</a>
 */
package dev.harbormaster.deploy.dockerfile;
