package io.webconnexkit.maven;

import io.webconnexkit.validator.ProblemLevels;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.SecretSource;
import io.webconnexkit.validator.SigningSecret;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What to validate and how: the engine's whole input, so it can be used and tested without
 * Maven. Immutable; build with {@link #builder(Path)}. Printing a request never shows a secret.
 */
public final class FixtureRequest {

  /** The includes used when none are given: every JSON and JSON Lines file. */
  public static final List<String> DEFAULT_INCLUDES = List.of("**/*.json", "**/*.jsonl", "**/*.ndjson");

  private final Path baseDirectory;
  private final List<Path> fixtures;
  private final List<String> includes;
  private final List<String> excludes;
  private final Profile profile;
  private final ProblemLevels levels;
  private final List<SigningSecret> secrets;
  private final int threads;

  private FixtureRequest(Builder b) {
    this.baseDirectory = b.baseDirectory;
    this.fixtures = List.copyOf(b.fixtures);
    this.includes = b.includes.isEmpty() ? DEFAULT_INCLUDES : List.copyOf(b.includes);
    this.excludes = List.copyOf(b.excludes);
    this.profile = b.profile;
    this.levels = b.levels;
    this.secrets = List.copyOf(b.secrets);
    this.threads = b.threads;
  }

  /**
   * @param baseDirectory the folder relative paths are taken from, and that reports name files relative to
   * @return a new builder: lenient, no levels, no secret, one thread, the default includes
   */
  public static Builder builder(Path baseDirectory) {
    return new Builder(baseDirectory);
  }

  /** @return the folder relative paths are taken from, absolute */
  public Path baseDirectory() {
    return baseDirectory;
  }

  /** @return folders (searched with the includes and excludes) and single files, absolute */
  public List<Path> fixtures() {
    return fixtures;
  }

  /** @return Ant-style patterns of the files to take from folders */
  public List<String> includes() {
    return includes;
  }

  /** @return Ant-style patterns of the files to leave out */
  public List<String> excludes() {
    return excludes;
  }

  /** @return the profile payloads are held to */
  public Profile profile() {
    return profile;
  }

  /** @return the levels set for problem keys ({@code fixture.*} keys included), over the profile's defaults */
  public ProblemLevels levels() {
    return levels;
  }

  /** @return the signing secrets a raw recorded body's signature may be made with (several during a rotation) */
  public List<SigningSecret> secrets() {
    return secrets;
  }

  /** @return how many files are validated at once */
  public int threads() {
    return threads;
  }

  /** @return the request, with how many secrets there are but never a secret */
  @Override
  public String toString() {
    return "FixtureRequest[base=" + baseDirectory + ", fixtures=" + fixtures + ", includes=" + includes
        + ", excludes=" + excludes + ", profile=" + profile.folder() + ", levels=" + levels + ", secrets="
        + secrets.size() + ", threads=" + threads + "]";
  }

  /** Builds a {@link FixtureRequest}. */
  public static final class Builder {
    private final Path baseDirectory;
    private final List<Path> fixtures = new ArrayList<>();
    private final List<String> includes = new ArrayList<>();
    private final List<String> excludes = new ArrayList<>();
    private Profile profile = Profile.LENIENT;
    private ProblemLevels levels = ProblemLevels.none();
    private final List<SigningSecret> secrets = new ArrayList<>();
    private int threads = 1;

    private Builder(Path baseDirectory) {
      this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory").toAbsolutePath().normalize();
    }

    /**
     * @param path a folder or file; a relative path is taken relative to the base directory
     * @return this builder
     */
    public Builder fixture(Path path) {
      fixtures.add(baseDirectory.resolve(Objects.requireNonNull(path, "path")).normalize());
      return this;
    }

    /**
     * @param pattern an Ant-style pattern ({@code **}{@code /*.json}) of files to take from folders;
     *     without any, {@link #DEFAULT_INCLUDES}
     * @return this builder
     */
    public Builder include(String pattern) {
      includes.add(Objects.requireNonNull(pattern, "pattern"));
      return this;
    }

    /**
     * @param pattern an Ant-style pattern of files to leave out
     * @return this builder
     */
    public Builder exclude(String pattern) {
      excludes.add(Objects.requireNonNull(pattern, "pattern"));
      return this;
    }

    /**
     * @param profile the profile payloads are held to (default lenient)
     * @return this builder
     */
    public Builder profile(Profile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /**
     * @param levels levels for problem keys, as {@link ProblemLevels#parse} reads them
     * @return this builder
     */
    public Builder levels(ProblemLevels levels) {
      this.levels = Objects.requireNonNull(levels, "levels");
      return this;
    }

    /**
     * @param secret a secret a valid signature may be made with; call again to accept another
     *     during a rotation
     * @return this builder
     */
    public Builder secret(SigningSecret secret) {
      secrets.add(Objects.requireNonNull(secret, "secret"));
      return this;
    }

    /**
     * Reads each source now and accepts a signature made with any of the secrets.
     *
     * @param sources where the secrets are
     * @return this builder
     * @throws io.webconnexkit.validator.SecretSourceException for the first source that has no
     *     secret, saying why (never with the secret in it)
     */
    public Builder secretSources(Collection<SecretSource> sources) {
      SecretSource.resolveAll(sources).forEach(this::secret);
      return this;
    }

    /**
     * @param threads how many files are validated at once (default 1)
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
      this.threads = threads;
      return this;
    }

    /** @return the request */
    public FixtureRequest build() {
      return new FixtureRequest(this);
    }
  }
}
