// Types for the custom resources the prod overlay uses, written from the operators' API references
// (RabbitMQ Cluster Operator rabbitmq.com/v1beta1; CloudNativePG postgresql.cnpg.io/v1). They cover the
// fields this repository sets plus their common siblings; a field missing here is reported as unknown,
// so add it (from the reference) when the overlay starts using it.
import type { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import type { IResourceRequirements } from "kubernetes-models/v1/ResourceRequirements";
import type { IAffinity } from "kubernetes-models/v1/Affinity";
import type { IToleration } from "kubernetes-models/v1/Toleration";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";

interface EmbeddedMetadata { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> }
interface LocalObjectReference { name: string }

export interface RabbitmqCluster {
  apiVersion: "rabbitmq.com/v1beta1";
  kind: "RabbitmqCluster";
  metadata: IObjectMeta;
  spec?: {
    replicas?: number;
    image?: string;
    imagePullSecrets?: LocalObjectReference[];
    service?: { type?: "ClusterIP" | "LoadBalancer" | "NodePort"; annotations?: Record<string, string> };
    persistence?: { storageClassName?: string; storage?: string };
    resources?: IResourceRequirements;
    affinity?: IAffinity;
    tolerations?: IToleration[];
    terminationGracePeriodSeconds?: number;
    rabbitmq?: { additionalPlugins?: string[]; additionalConfig?: string; advancedConfig?: string; envConfig?: string };
    tls?: { secretName?: string; caSecretName?: string; disableNonTLSListeners?: boolean };
    override?: {
      statefulSet?: {
        metadata?: EmbeddedMetadata;
        spec?: { replicas?: number; template?: { metadata?: EmbeddedMetadata; spec?: Partial<IPodSpec> } };
      };
      service?: { metadata?: EmbeddedMetadata; spec?: Record<string, unknown> };
    };
  };
}

interface RoleConfiguration {
  name: string;
  ensure?: "present" | "absent";
  comment?: string;
  login?: boolean;
  superuser?: boolean;
  createdb?: boolean;
  createrole?: boolean;
  inherit?: boolean;
  replication?: boolean;
  bypassrls?: boolean;
  connectionLimit?: number;
  validUntil?: string;
  inRoles?: string[];
  passwordSecret?: LocalObjectReference;
  disablePassword?: boolean;
}

export interface Cluster {
  apiVersion: "postgresql.cnpg.io/v1";
  kind: "Cluster";
  metadata: IObjectMeta;
  spec: {
    instances: number;
    imageName?: string;
    description?: string;
    storage?: { size?: string; storageClass?: string; resizeInUseVolumes?: boolean };
    walStorage?: { size?: string; storageClass?: string };
    resources?: IResourceRequirements;
    affinity?: {
      enablePodAntiAffinity?: boolean;
      podAntiAffinityType?: "preferred" | "required";
      topologyKey?: string;
      nodeSelector?: Record<string, string>;
      tolerations?: IToleration[];
    };
    inheritedMetadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    managed?: { roles?: RoleConfiguration[] };
    postgresql?: { parameters?: Record<string, string>; pg_hba?: string[] };
    bootstrap?: { initdb?: { database?: string; owner?: string; secret?: LocalObjectReference } };
    superuserSecret?: LocalObjectReference;
    enableSuperuserAccess?: boolean;
    primaryUpdateStrategy?: "supervised" | "unsupervised";
    monitoring?: { enablePodMonitor?: boolean };
  };
}

export interface Database {
  apiVersion: "postgresql.cnpg.io/v1";
  kind: "Database";
  metadata: IObjectMeta;
  spec: {
    name: string;
    owner: string;
    cluster: LocalObjectReference;
    ensure?: "present" | "absent";
    encoding?: string;
    template?: string;
    databaseReclaimPolicy?: "retain" | "delete";
  };
}
