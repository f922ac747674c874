"""The Keras releases the table covers, in order, each pinned to its wheel's sha256.

The latest patch of each minor: standalone Keras 2.2/2.3; ``keras`` 2.6-2.15 (tf.keras
published as ``keras``); ``tf-keras`` 2.15-2.21; Keras 3.0-3.15. To add a release, append
it here (``python -m tools.keras_api --add DIST==VERSION`` prints the line) and regenerate.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Release:
    dist: str  # "keras" or "tf-keras"
    version: str
    sha256: str

    @property
    def key(self) -> tuple[int, ...]:
        return tuple(int(p) for p in self.version.split("."))

    @property
    def requirement(self) -> str:
        return f"{self.dist}=={self.version}"

    @property
    def package(self) -> str:
        """The import package of the wheel."""
        return "tf_keras" if self.dist == "tf-keras" else "keras"

    @property
    def keras_root(self) -> tuple[str, bool]:
        """What ``import keras`` (``import tf_keras``) gives: (module, generated API?).

        keras before 2.13 has no generated top level: its package tree is the API.
        """
        generated = self.dist == "tf-keras" or self.key >= (2, 13)
        return self.package, generated

    @property
    def tf_keras_root(self) -> str | None:
        """The module ``tensorflow.keras`` is when this release is TensorFlow's Keras."""
        if self.dist == "keras" and self.key < (2, 6):
            return None  # standalone Keras: TensorFlow had its own tf.keras then
        if self.dist == "keras" and self.key >= (3,):
            return "keras._tf_keras.keras"
        return f"{self.package}.api._v2.keras"

    @property
    def primary(self) -> tuple[str, bool]:
        """The surface whose classes give members and signatures: the documented API."""
        tf_root = self.tf_keras_root
        if tf_root is not None and self.dist == "keras" and self.key < (2, 13):
            return tf_root, True
        return self.keras_root


RELEASES: tuple[Release, ...] = (
    Release("keras", "2.2.5", "5a75cfdf69c6cb9de81a82aa19542ac69a5c2e78a48a58c1649fc5cdb55c917c"),
    Release("keras", "2.3.1", "d08a57bd63546175f8f19232ba05906514d419da3e0af8ef7437fa1c11442e20"),
    Release("keras", "2.6.0", "504af5656a9829fe803ce48a8580ef16916e89906aceddad9e098614269437e7"),
    Release("keras", "2.7.0", "0c33ae1f728064ca0d35dfba999e9c316f03623bf5688c82fb83cc74a80ea248"),
    Release("keras", "2.8.0", "744d39dc6577dcd80ff4a4d41549e92b77d6a17e0edd58a431d30656e29bc94e"),
    Release("keras", "2.9.0", "55911256f89cfc9343c9fbe4b61ec45a2d33d89729cbe1ab9dcacf8b07b8b6ab"),
    Release("keras", "2.10.0", "26a6e2c2522e7468ddea22710a99b3290493768fc08a39e75d1173a0e3452fdf"),
    Release("keras", "2.11.0", "38c6fff0ea9a8b06a2717736565c92a73c8cd9b1c239e7125ccb188b7848f65e"),
    Release("keras", "2.12.0", "35c39534011e909645fb93515452e98e1a0ce23727b55d4918b9c58b2308c15e"),
    Release("keras", "2.13.1", "5ce5f706f779fa7330e63632f327b75ce38144a120376b2ae1917c00fa6136af"),
    Release("keras", "2.14.0", "d7429d1d2131cc7eb1f2ea2ec330227c7d9d38dab3dfdf2e78defee4ecc43fcd"),
    Release("keras", "2.15.0", "2dcc6d2e30cf9c951064b63c1f4c404b966c59caf09e01f3549138ec8ee0dd1f"),
    Release(
        "tf-keras", "2.15.1", "8beaef46b8b4f1158de1410e7c0cf82f008b9e8c4ab3443f54ac1aaef9c2ad74"
    ),
    Release(
        "tf-keras", "2.16.0", "b2ad0541fa7d9e92c4b7a1b96593377afb58aaff374299a6ca6be1a42f51d899"
    ),
    Release(
        "tf-keras", "2.17.0", "cc97717e4dc08487f327b0740a984043a9e0123c7a4e21206711669d3ec41c88"
    ),
    Release(
        "tf-keras", "2.18.0", "c431d04027eef790fcd3261cf7fdf93eb74f3cb32e05078b57b7f5a54bd53262"
    ),
    Release(
        "tf-keras", "2.19.0", "4f339e800987b39d1548a8c76a7b33b6801a97ec7fcd89c299ec29741f7890bd"
    ),
    Release(
        "tf-keras", "2.20.1", "3f0e0a34d9a4c8758f24fdc1053e6e335f16ab5534c7d34f1899b8924779760c"
    ),
    Release(
        "tf-keras", "2.21.0", "f858bf3d97f892304e7fbcf5eb0942ed91674e27204f940a85de8c93cf07fe62"
    ),
    Release("keras", "3.0.5", "4a022f2e97ea5a3db12ed809ffcb7ce1ef8d34feaeac52315ec8553ded2dcf97"),
    Release("keras", "3.1.1", "b5d45f0b5116b11db502da00bd501592364325d01724e6cb2032711e3e32677e"),
    Release("keras", "3.2.1", "0be1e89b041e697be562d8422ecb958ee5481acfc089913200926c561d258a03"),
    Release("keras", "3.3.3", "260df9ef71c6b89eb6816ce1c60f139c38ccdddd16f24e7005d2be127cdef8e4"),
    Release("keras", "3.4.1", "15599c51e2090c12f39de6db6489a0cf265ddf6653f0731b82db5af2bfa19105"),
    Release("keras", "3.5.0", "d37a3c623935713473ceb25241b52bce9d1e0ff5b36e5d0f6f47ed55f8500c9a"),
    Release("keras", "3.6.0", "49585e4577f6e86bd890d96dfbcb1890f5bab5967ef831c07fd63f9d86e4bfe9"),
    Release("keras", "3.7.0", "546a64f302e4779c129c06d9826fa586de752cdfd43d7dc4010c31b282587969"),
    Release("keras", "3.8.0", "b65d125976b0f8bf8ad1e93311a98e7dfb334ff6023627a59a52b35499165ec3"),
    Release("keras", "3.9.2", "404427856c2dc30e38c9fa6fa6a13ffb1844a8c35af312ca32a8e7dea9840f1e"),
    Release("keras", "3.10.0", "c095a6bf90cd50defadf73d4859ff794fad76b775357ef7bd1dbf96388dae7d3"),
    Release("keras", "3.11.3", "f484f050e05ee400455b05ec8c36ed35edc34de94256b6073f56cfe68f65491f"),
    Release("keras", "3.12.4", "5570a3136a202ce1ea3956a697f3b085d2ab22e1102742cb22a3c6039c8db38e"),
    Release("keras", "3.13.2", "14b2afc0f9c636cc295d28efc36aae42fc52e7b892c950eec33f3befe4d22fb5"),
    Release("keras", "3.14.1", "ebd2c14d2af3c9de18083604d408483996407fc7d2f9ebd1d565961f96608c29"),
    Release("keras", "3.15.1", "836460e480930acbd19bb7a17e62f9ecad40e8a9af9a651fc8d0586a96d27e20"),
)
